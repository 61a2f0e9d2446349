using System.IO.Compression;
using System.Xml.Linq;
using Procurement.Features.Documents.Rendering;

namespace Procurement.Tests.Documents;

/// <summary>
/// The same data, template and tools give a byte-identical .docx: nothing in a template can read the clock, draw a
/// random number or run data as a template, the zip entries carry one fixed time and the package dates come from the data.
/// </summary>
public sealed class DeterministicOutputTests
{
    [Fact]
    public void Rendering_again_later_gives_the_same_bytes()
    {
        var first = DocumentTestSupport.Renderer.RenderJson("contract", DocumentTestSupport.Sample("contract")).Bytes;
        Thread.Sleep(TimeSpan.FromSeconds(2.5)); // more than the zip format's 2-second time resolution
        var second = DocumentTestSupport.Renderer.RenderJson("contract", DocumentTestSupport.Sample("contract")).Bytes;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Zip_entries_have_a_fixed_time_and_the_package_dates_are_the_documents_date()
    {
        var docx = DocumentTestSupport.Renderer.RenderJson("contract", DocumentTestSupport.Sample("contract")).Bytes;

        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2000, 1, 1), e.LastWriteTime.DateTime));
        var core = XDocument.Load(zip.GetEntry("docProps/core.xml")!.Open());
        XNamespace dcterms = "http://purl.org/dc/terms/";
        var date = (string)DocumentTestSupport.Sample("contract")["document"]!["date"]!;
        Assert.Equal(date + "T00:00:00Z", core.Root!.Element(dcterms + "created")!.Value);
        Assert.Equal(date + "T00:00:00Z", core.Root!.Element(dcterms + "modified")!.Value);
        Assert.Empty(DocumentRenderer.Validate(docx));
    }

    [Theory]
    [InlineData("{{ math.random 1 10 }}")]
    [InlineData("{{ math.uuid }}")]
    [InlineData("{{ object.eval 'group.name' }}")]
    [InlineData("{{ object.eval_template '{{ group.name }}' }}")]
    [InlineData("{{ date.now }}")]
    public void Randomness_the_clock_and_evaluating_text_are_not_available(string expression)
    {
        var catalog = DocumentTestSupport.CatalogWith(("probe", "qa-list", "本文 " + expression));
        var ex = Assert.Throws<TemplateException>(() => new DocumentRenderer(catalog).RenderJson("probe", DocumentTestSupport.Sample("qa-list")));
        Assert.Equal(("probe/document.sbn", 1), (ex.Errors[0].File, ex.Errors[0].Line));
    }

    [Fact]
    public void The_builtins_other_templates_use_are_still_there()
    {
        var catalog = DocumentTestSupport.CatalogWith(("probe", "qa-list", "本文 {{ math.round 2.6 }} {{ object.size group.members }} {{ array.size group.members }}"));
        var text = DocxText.Extract(new DocumentRenderer(catalog).RenderJson("probe", DocumentTestSupport.Sample("qa-list")).Bytes);
        Assert.Contains("本文 3 ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ this }}")]
    [InlineData("{{ x = this; x.group.name }}")]
    [InlineData("{{ group }}")]
    [InlineData("{{ group.members }}")]
    [InlineData("{{ '' + group }}")]
    public void Whole_sections_of_the_data_are_never_dumped_into_a_document(string expression)
    {
        var catalog = DocumentTestSupport.CatalogWith(("probe", "qa-list", "本文\n" + expression));
        var ex = Assert.Throws<TemplateException>(() => new DocumentRenderer(catalog).RenderJson("probe", DocumentTestSupport.Sample("qa-list")));

        Assert.NotEmpty(ex.Errors);
        Assert.All(ex.Errors, error => Assert.Equal(("probe/document.sbn", 2), (error.File, error.Line)));
        var groupName = (string)DocumentTestSupport.Sample("qa-list")["group"]!["name"]!;
        Assert.DoesNotContain(groupName, ex.Message, StringComparison.Ordinal);
    }
}
