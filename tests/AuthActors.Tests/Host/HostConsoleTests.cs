using AuthActors.Host.Commands;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace AuthActors.Tests.Host;

/// <summary>Output for pipes: no escape codes when the output is not a terminal.</summary>
public sealed class HostConsoleTests
{
    [Fact]
    public void CreateAnsiConsole_NotATerminal_WritesTablesWithoutEscapeCodes()
    {
        var output = new CapturingWriter();
        var console = new HostConsole { Out = output, Error = TextWriter.Null, IsTerminal = false, CreateLoggerFactory = _ => NullLoggerFactory.Instance };
        var table = new Table().AddColumn("[bold]mode[/]").AddColumn("req/s");
        table.AddRow("[green]authactors[/]", "12345");

        console.CreateAnsiConsole().Write(table);

        Assert.Contains("authactors", output.Text, StringComparison.Ordinal);
        Assert.Contains("12345", output.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output.Text);
    }
}
