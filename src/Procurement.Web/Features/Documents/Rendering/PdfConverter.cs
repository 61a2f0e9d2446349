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

    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct = default)
    {
        if (_soffice is null) throw new PdfUnavailableException(UnavailableMessage);
        var work = Directory.CreateTempSubdirectory("procurement-pdf-");
        await Gate.WaitAsync(ct);
        try
        {
            var input = Path.Combine(work.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var fontsConf = Path.Combine(work.FullName, "fonts.conf");
            await File.WriteAllTextAsync(fontsConf, FontConfig(), ct);

            var start = new ProcessStartInfo(_soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = work.FullName,
            };
            foreach (var a in new[] { "--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation=file://{work.FullName}/profile",
                         "--convert-to", "pdf", "--outdir", work.FullName, input })
            {
                start.ArgumentList.Add(a);
            }
            start.Environment["HOME"] = work.FullName;
            start.Environment["FONTCONFIG_FILE"] = fontsConf;

            using var process = Process.Start(start) ?? throw new PdfUnavailableException(UnavailableMessage);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new PdfConversionException("PDF変換が時間内に終わりませんでした。");
            }
            var output = Path.Combine(work.FullName, "document.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                throw new PdfConversionException($"PDF変換に失敗しました (soffice exit {process.ExitCode}): {await stderr}");
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            Gate.Release();
            try { work.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

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
