using System.Diagnostics;

namespace Procurement.Features.Workflows.Diagrams;

public sealed record DiagramResult(string? Svg, string? Message)
{
    public bool Succeeded => Svg is not null;
}

/// <summary>
/// Renders DOT to SVG with Graphviz's dot (Debian package graphviz; scripts/prereqs.sh installs it).
/// Without dot the page gets a clear message instead of an error.
/// </summary>
public sealed class GraphvizRenderer(IConfiguration? configuration = null)
{
    public const string MissingMessage = "図の表示には Graphviz が必要です。サーバーで「apt-get install --no-install-recommends graphviz」を実行してください（scripts/prereqs.sh が自動で導入します）。";

    private string Executable => configuration?["Procurement:GraphvizDot"] is { Length: > 0 } configured ? configured : "dot";

    public async Task<DiagramResult> RenderSvgAsync(string dot, CancellationToken ct = default)
    {
        var start = new ProcessStartInfo(Executable, "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("dot did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new DiagramResult(null, MissingMessage);
        }
        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(dot.AsMemory(), timeout.Token);
            process.StandardInput.Close();
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return new DiagramResult(null, "図の生成が時間内に終わりませんでした。");
            }
            return process.ExitCode == 0
                ? new DiagramResult(await output, null)
                : new DiagramResult(null, $"図を生成できませんでした: {(await error).Trim()}");
        }
    }
}
