using Xunit.Abstractions;

namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// Writes matrix rows and findings to the test output, and appends them to the file named by
/// <c>AUTHACTORS_INTEROP_REPORT</c> when set (how docs/interop.md's tables were produced).
/// </summary>
internal static class InteropReport
{
    private const string ReportVariable = "AUTHACTORS_INTEROP_REPORT";

    public static void Add(ITestOutputHelper output, MatrixRow row) => Write(output, row.ToMarkdown());

    public static void Note(ITestOutputHelper output, string text) => Write(output, "<!-- note --> " + text);

    private static void Write(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } path)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}
