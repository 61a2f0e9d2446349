using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Procurement.Tests.Documents;

/// <summary>
/// A .docx as a Word-compatible renderer lays it out: LibreOffice's text export prints list numbers as computed from
/// numbering.xml and the styles, not as this code base thinks they are. Null where LibreOffice is not installed.
/// </summary>
public static partial class LibreOfficeText
{
    public static string? Soffice { get; } = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/opt/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);

    /// <summary>The document's lines with runs of spaces (the export's indents and label gaps) removed.</summary>
    public static async Task<IReadOnlyList<string>?> LinesAsync(byte[] docx)
    {
        if (Soffice is null) return null;
        var work = Directory.CreateTempSubdirectory("procurement-lo-text-").FullName;
        try
        {
            var input = Path.Combine(work, "document.docx");
            await File.WriteAllBytesAsync(input, docx);
            var start = new ProcessStartInfo(Soffice) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = work };
            foreach (var a in new[] { "--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation=file://{work}/profile",
                         "--convert-to", "txt:Text (encoded):UTF8", "--outdir", work, input })
            {
                start.ArgumentList.Add(a);
            }
            start.Environment["HOME"] = work;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            await stdout;
            var output = Path.Combine(work, "document.txt");
            Assert.True(File.Exists(output), "soffice text export failed: " + await stderr);
            return (await File.ReadAllTextAsync(output))
                .Split('\n')
                .Select(l => Spaces().Replace(l.Trim('\r', ' ', '\t', '\uFEFF'), ""))
                .Where(l => l.Length > 0)
                .ToList();
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The one line containing <paramref name="text"/>.</summary>
    public static string LineWith(IEnumerable<string> lines, string text) => Assert.Single(lines, l => l.Contains(text, StringComparison.Ordinal));

    [GeneratedRegex("[ \t]+")]
    private static partial Regex Spaces();
}
