using System.Diagnostics;

namespace Procurement.Features.Contracts.Drafting;

/// <summary>
/// DOCX → PDF with LibreOffice when `soffice` is installed; otherwise PDF is simply not offered. One conversion at
/// a time: soffice is heavy and the machine is shared, and each run gets its own HOME and profile so a crashed run
/// cannot lock the next one out.
/// </summary>
public sealed class PdfConverter : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string? _soffice = Find();

    public bool IsAvailable => _soffice is not null;

    public void Dispose() => _gate.Dispose();

    public async Task<byte[]?> ConvertAsync(byte[] docx, CancellationToken ct = default)
    {
        if (_soffice is null) return null;
        await _gate.WaitAsync(ct);
        var dir = Directory.CreateTempSubdirectory("procurement-pdf-").FullName;
        try
        {
            var input = Path.Combine(dir, "draft.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var start = new ProcessStartInfo(_soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "--headless", "--norestore", $"-env:UserInstallation=file://{dir}/profile", "--convert-to", "pdf", "--outdir", dir, input })
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment["HOME"] = dir;
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            var drainOut = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var drainErr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                await Task.WhenAll(drainOut, drainErr);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            var output = Path.Combine(dir, "draft.pdf");
            return process.ExitCode == 0 && File.Exists(output) ? await File.ReadAllBytesAsync(output, ct) : null;
        }
        finally
        {
            _gate.Release();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "soffice"))
            .FirstOrDefault(File.Exists);
}
