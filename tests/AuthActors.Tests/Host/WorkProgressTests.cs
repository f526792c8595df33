using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary>Plain progress lines when the output is not a terminal.</summary>
public sealed class WorkProgressTests
{
    [Fact]
    public void Increment_WritesOneLinePerTenth()
    {
        var output = new CapturingWriter();
        var progress = new WorkProgress(100, "job", output);

        for (int i = 0; i < 100; i++)
        {
            progress.Increment();
        }

        string[] lines = output.Text.TrimEnd().Split('\n');
        Assert.Equal(10, lines.Length);
        Assert.Equal("job: 10/100 (10%)", lines[0].TrimEnd('\r'));
        Assert.Equal("job: 100/100 (100%)", lines[^1].TrimEnd('\r'));
    }

    [Fact]
    public void Increment_SmallTotal_TenthsPassedAtOnceShareALine()
    {
        var output = new CapturingWriter();
        var progress = new WorkProgress(4, "crawl", output);

        for (int i = 0; i < 4; i++)
        {
            progress.Increment();
        }

        Assert.Equal(["crawl: 1/4 (25%)", "crawl: 2/4 (50%)", "crawl: 3/4 (75%)", "crawl: 4/4 (100%)"], output.Text.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
    }
}
