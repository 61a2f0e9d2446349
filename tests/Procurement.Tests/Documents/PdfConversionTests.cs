using System.Diagnostics;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>Each template converts to PDF when LibreOffice is installed (scripts/prereqs.sh installs it for the tests).</summary>
public sealed class PdfConversionTests
{
    [Theory]
    [MemberData(nameof(GoldenTemplateTests.TemplateIds), MemberType = typeof(GoldenTemplateTests))]
    public async Task Template_sample_converts_to_pdf_with_japanese_fonts_embedded(string templateId)
    {
        var converter = new PdfConverter();
        if (!converter.IsAvailable) return; // documented: PDF is offered only where LibreOffice exists

        var doc = DocumentTestSupport.Renderer.RenderJson(templateId, DocumentTestSupport.Sample(templateId));
        var pdf = await converter.ConvertAsync(doc.Bytes);

        Assert.True(pdf.Length > 1000);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var fonts = await PdfFontsAsync(pdf);
        if (fonts is not null) Assert.Contains("CJK", fonts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_libreoffice_conversion_is_refused_with_a_clear_japanese_message()
    {
        var missing = new PdfConverter(sofficePath: "/nonexistent/soffice");

        Assert.False(missing.IsAvailable);
        var ex = await Assert.ThrowsAsync<PdfUnavailableException>(() => missing.ConvertAsync([1, 2, 3]));
        Assert.Contains("LibreOffice", ex.Message, StringComparison.Ordinal);
        Assert.Contains(".docx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_of_contents_in_the_pdf_has_page_numbers()
    {
        var converter = new PdfConverter();
        if (!converter.IsAvailable || !File.Exists("/usr/bin/pdftotext")) return;

        var doc = DocumentTestSupport.Renderer.RenderJson("procurement-spec", DocumentTestSupport.Sample("procurement-spec"));
        var pdf = await converter.ConvertAsync(doc.Bytes);
        var text = await ToolAsync("/usr/bin/pdftotext", pdf, "-");

        Assert.Matches(@"調達の方式\.{5,}\d+", text);
        Assert.Matches(@"特記事項\.{5,}\d+", text);
    }

    private static Task<string?> PdfFontsAsync(byte[] pdf) => ToolAsync("/usr/bin/pdffonts", pdf);

    private static async Task<string?> ToolAsync(string tool, byte[] pdf, string? extraArgument = null)
    {
        if (!File.Exists(tool)) return null;
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true };
            start.ArgumentList.Add(path);
            if (extraArgument is not null) start.ArgumentList.Add(extraArgument);
            using var p = Process.Start(start)!;
            var output = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            return output;
        }
        finally { File.Delete(path); }
    }
}
