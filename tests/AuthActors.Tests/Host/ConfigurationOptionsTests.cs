using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary>
/// <c>--config</c> errors as every command that takes the option (config, fetch, crawl) reports
/// them: exit 2 and one line naming the file as given, the line, the column and the reason.
/// </summary>
public sealed class ConfigurationOptionsTests
{
    public static TheoryData<string[]> Commands => new()
    {
        { ["config"] },
        { ["fetch", "http://127.0.0.1:1/"] },
        { ["crawl", "-"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task MalformedFile_AnyCommand_PrintsFileLineColumnAndReasonOnOneLine(string[] command)
    {
        using var temp = new TempDirectory();
        string conf = temp.Write("bad.conf", "authactors {\n ask-timeout = \n spaces { x = [1,2 }\n");

        HostResult result = await HostRun.RunAsync([.. command, "--config", conf], stdin: "");

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Equal($"{command[0]}: {conf}:3:20: expected ']' to close '[' opened at 3:15, found '}}'\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", result.Output);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task MissingFile_AnyCommand_PrintsOneLineNamingIt(string[] command)
    {
        using var temp = new TempDirectory();
        string conf = temp.File("none.conf");

        HostResult result = await HostRun.RunAsync([.. command, "--config", conf], stdin: "");

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Equal($"{command[0]}: the configuration file '{conf}' does not exist\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task MalformedFile_RelativePath_IsNamedAsWritten()
    {
        using var temp = new TempDirectory();
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, temp.Write("conf/app.conf", "a = [1"));

        HostResult result = await HostRun.RunAsync(["config", "--config", relative]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.StartsWith($"config: {relative}:1:7: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedIncludedFile_IsNamedBesideTheConfigFile()
    {
        using var temp = new TempDirectory();
        temp.Write("conf/parts/extra.conf", "b {\n  c = }\n");
        string conf = temp.Write("conf/app.conf", "a = 1\ninclude required(\"parts/extra.conf\")\n");

        HostResult result = await HostRun.RunAsync(["config", "--config", conf]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.StartsWith($"config: {Path.Combine(temp.Path, "conf", "parts", "extra.conf")}:2:7: ", Assert.Single(Lines(result.Error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredInclude_PrintsTheIncludeLine()
    {
        using var temp = new TempDirectory();
        string conf = temp.Write("app.conf", "a = 1\n  include required(\"gone.conf\")\n");

        HostResult result = await HostRun.RunAsync(["config", "--config", conf]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.StartsWith($"config: {conf}:2:3: required include 'gone.conf' was not found", Assert.Single(Lines(result.Error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncludeCycle_PrintsOneLocatedLine()
    {
        using var temp = new TempDirectory();
        temp.Write("b.conf", "x = 1\ninclude required(\"a.conf\")\n");
        string conf = temp.Write("a.conf", "include required(\"b.conf\")\n");

        HostResult result = await HostRun.RunAsync(["config", "--config", conf]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        // a.conf is the file given, b.conf includes it again, and its include of b.conf closes the cycle.
        Assert.Equal($"config: {conf}:1:1: include cycle: b.conf -> a.conf -> b.conf", Assert.Single(Lines(result.Error)));
    }

    [Fact]
    public async Task SubstitutionCycle_PrintsOneLocatedLine()
    {
        using var temp = new TempDirectory();
        string conf = temp.Write("app.conf", "authactors.x = ${authactors.y}\nauthactors.y = ${authactors.x}\n");

        HostResult result = await HostRun.RunAsync(["config", "--config", conf]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Equal($"config: {conf}:2:16: substitution cycle: authactors.x -> authactors.y -> authactors.x", Assert.Single(Lines(result.Error)));
    }

    [Fact]
    public async Task KeysCollidingInConfiguration_PrintsOneLineNamingTheFile()
    {
        using var temp = new TempDirectory();
        string conf = temp.Write("app.conf", "authactors.x = 1\nAUTHACTORS.X = 2\n");

        HostResult result = await HostRun.RunAsync(["config", "--config", conf]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.StartsWith($"config: {conf}: settings 'authactors:x' and 'AUTHACTORS:X' map to the same configuration key", Assert.Single(Lines(result.Error)), StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
