using System.Diagnostics;

namespace Procurement.Features.Documents.Rendering;

/// <summary>
/// .docx → PDF with LibreOffice (<c>soffice --headless --convert-to pdf</c>) when it is installed. Each conversion gets
/// its own HOME and profile (LibreOffice locks a shared profile) and a fontconfig file that maps the Windows 明朝/ゴシック
/// names to the Noto/IPAex fonts Linux has, so the PDF keeps 明朝 body text and ゴシック headings.
/// </summary>
public sealed class PdfConverter(PageLayout? layout = null, string? sofficePath = null)
{
    public const string UnavailableMessage = "PDF変換には LibreOffice (soffice) が必要ですが、このサーバーにはインストールされていません。Word形式(.docx)をダウンロードしてください。";

    private static readonly SemaphoreSlim Gate = new(1, 1); // two at once double the memory for no gain on 2 cores
    private readonly PageLayout _layout = layout ?? PageLayout.Default;
    private readonly string? _soffice = sofficePath is null ? Find() : File.Exists(sofficePath) ? sofficePath : null;

    public bool IsAvailable => _soffice is not null;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin").Append("/opt/libreoffice/program"))
        {
            foreach (var name in new[] { "soffice", "libreoffice" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// Converts to PDF. LibreOffice keeps a table of contents field's text as written, so when the document has one
    /// and poppler's pdftotext is installed, a first pass finds the page of every heading and a second pass prints
    /// those page numbers in the table of contents (Word refreshes the field itself when the .docx is opened).
    /// </summary>
    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct = default)
    {
        if (_soffice is null) throw new PdfUnavailableException(UnavailableMessage);
        var work = Directory.CreateTempSubdirectory("procurement-pdf-");
        await Gate.WaitAsync(ct);
        try
        {
            var pdf = await ConvertOnceAsync(work.FullName, docx, ct);
            var pdftotext = FindTool("pdftotext");
            if (pdftotext is null || !TocPages.HasToc(docx)) return pdf;
            var pages = await PdfPagesTextAsync(pdftotext, work.FullName, pdf, ct);
            var patched = TocPages.Fill(docx, pages);
            return patched is null ? pdf : await ConvertOnceAsync(work.FullName, patched, ct);
        }
        finally
        {
            Gate.Release();
            try { work.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private async Task<byte[]> ConvertOnceAsync(string work, byte[] docx, CancellationToken ct)
    {
        var input = Path.Combine(work, "document.docx");
        var output = Path.Combine(work, "document.pdf");
        File.Delete(output);
        await File.WriteAllBytesAsync(input, docx, ct);
        var fontsConf = Path.Combine(work, "fonts.conf");
        await File.WriteAllTextAsync(fontsConf, FontConfig(), ct);

        var start = new ProcessStartInfo(_soffice!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        foreach (var a in new[] { "--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation=file://{work}/profile",
                     "--convert-to", "pdf", "--outdir", work, input })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["HOME"] = work;
        start.Environment["FONTCONFIG_FILE"] = fontsConf;

        var (exit, stderr) = await RunAsync(start, ct);
        if (exit != 0 || !File.Exists(output))
        {
            throw new PdfConversionException($"PDF変換に失敗しました (soffice exit {exit}): {stderr}");
        }
        return await File.ReadAllBytesAsync(output, ct);
    }

    private async Task<(int Exit, string Stderr)> RunAsync(ProcessStartInfo start, CancellationToken ct)
    {
        using var process = Process.Start(start) ?? throw new PdfUnavailableException(UnavailableMessage);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new PdfConversionException("PDF変換が時間内に終わりませんでした。");
        }
        await stdout;
        return (process.ExitCode, await stderr);
    }

    private async Task<IReadOnlyList<string>> PdfPagesTextAsync(string pdftotext, string work, byte[] pdf, CancellationToken ct)
    {
        var path = Path.Combine(work, "pass1.pdf");
        await File.WriteAllBytesAsync(path, pdf, ct);
        var start = new ProcessStartInfo(pdftotext) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-enc", "UTF-8", path, Path.Combine(work, "pass1.txt") }) start.ArgumentList.Add(a);
        var (exit, _) = await RunAsync(start, ct);
        if (exit != 0) return [];
        return (await File.ReadAllTextAsync(Path.Combine(work, "pass1.txt"), ct)).Split('\f');
    }

    private static string? FindTool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin")
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private string FontConfig() => $"""
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
        <fontconfig>
          <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
          <alias binding="same"><family>{_layout.MinchoFont}</family><prefer><family>{_layout.MinchoFallback}</family><family>IPAexMincho</family><family>IPAMincho</family></prefer></alias>
          <alias binding="same"><family>ＭＳ 明朝</family><prefer><family>{_layout.MinchoFallback}</family><family>IPAexMincho</family></prefer></alias>
          <alias binding="same"><family>{_layout.GothicFont}</family><prefer><family>{_layout.GothicFallback}</family><family>IPAexGothic</family><family>IPAGothic</family></prefer></alias>
          <alias binding="same"><family>ＭＳ ゴシック</family><prefer><family>{_layout.GothicFallback}</family><family>IPAexGothic</family></prefer></alias>
        </fontconfig>
        """;
}

public sealed class PdfUnavailableException(string message) : Exception(message);

public sealed class PdfConversionException(string message) : Exception(message);
