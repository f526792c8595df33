using System.Text;
using Spectre.Console;

namespace AuthActors.Host.Commands;

/// <summary>
/// Prints a summary: a Spectre.Console table on a terminal; plain, space-aligned columns
/// otherwise, so pipes and scripts get text without box drawing or escape codes.
/// </summary>
internal static class SummaryTable
{
    /// <summary>Writes <paramref name="rows"/> under <paramref name="title"/>; <paramref name="headers"/> null for label/value rows.</summary>
    public static void Write(HostConsole console, string title, IReadOnlyList<string>? headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (console.IsTerminal)
        {
            var table = new Table().Title(Markup.Escape(title)).Border(TableBorder.Rounded);
            int columns = headers?.Count ?? (rows.Count == 0 ? 2 : rows[0].Count);
            for (int c = 0; c < columns; c++)
            {
                var column = new TableColumn(headers is null ? "" : Markup.Escape(headers[c]));
                if (c > 0)
                {
                    column.RightAligned();
                }

                table.AddColumn(column);
            }

            if (headers is null)
            {
                table.HideHeaders();
            }

            foreach (IReadOnlyList<string> row in rows)
            {
                table.AddRow([.. row.Select(Markup.Escape)]);
            }

            console.CreateAnsiConsole().Write(table);
            return;
        }

        console.Out.WriteLine(title);
        List<IReadOnlyList<string>> all = headers is null ? [.. rows] : [headers, .. rows];
        int width = all.Count == 0 ? 0 : all.Max(r => r.Count);
        int[] widths = new int[width];
        foreach (IReadOnlyList<string> row in all)
        {
            for (int c = 0; c < row.Count; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        foreach (IReadOnlyList<string> row in all)
        {
            var line = new StringBuilder("  ");
            for (int c = 0; c < row.Count; c++)
            {
                // Labels left-aligned, figures right-aligned.
                line.Append(c == 0 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]));
                if (c < row.Count - 1)
                {
                    line.Append("  ");
                }
            }

            console.Out.WriteLine(line.ToString().TrimEnd());
        }
    }
}
