using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Procurement.Features.Documents;

namespace Procurement.Features.Vendors.QandA;

/// <summary>One published answer as it goes to every vendor: no asking vendor, by design.</summary>
public sealed record QaDocumentItem(int Number, string Question, string Answer, bool ChangesConditions);

/// <summary>
/// 質問回答書 as a Word file: A4 portrait with the example municipal margins (top/bottom 25 mm,
/// left 30 mm, right 17 mm), 明朝 body and ゴシック headings, a header naming the case, page numbers,
/// and a table whose header row repeats on every page. Self-contained until the shared template
/// engine (Features/Documents/Rendering) is merged; then this should become a template.
/// </summary>
public static class QaDocument
{
    private const string Mincho = "ＭＳ 明朝";
    private const string Gothic = "ＭＳ ゴシック";
    private const string TableStyle = "QaTable";

    // Twips (1 mm = 56.7 twips). Column widths add up to the text width: 11906 − 1701 − 964 = 9241.
    private static readonly int[] Columns = [794, 3969, 4478];

    public static byte[] Build(string caseTitle, string groupName, DateOnly publishedOn, IReadOnlyList<QaDocumentItem> items, DateStyle dateStyle = DateStyle.WarekiOnly)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            AddSettings(main);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Para("Header", Text($"{caseTitle}　質問回答書")));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(PageNumber());

            var body = new Body(
                Para("Title", Text("質問回答書")),
                Para("Right", Text(JapaneseDates.Format(publishedOn, dateStyle))),
                Para("Right", Text(groupName)),
                Para(null, Text($"「{caseTitle}」について受け付けた質問に対し、次のとおり回答します。なお、質問者の名称は記載していません。")),
                Para("Heading1", Text("質問及び回答")));

            if (items.Count == 0) body.Append(Para(null, Text("公開した回答はありません。")));
            else body.Append(QaTable(items));
            if (items.Any(i => i.ChangesConditions))
            {
                body.Append(Para("Note", Text("【条件変更】と記載した回答は、公告時の条件を変更するものです。既に提案書を提出した事業者は、提案内容を再確認してください。")));
            }
            body.Append(Para("Right", Text("以上")));
            body.Append(Section(main.GetIdOfPart(header), main.GetIdOfPart(footer)));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table QaTable(IReadOnlyList<QaDocumentItem> items)
    {
        var grid = new TableGrid(Columns.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) }));
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = TableStyle },
                new TableWidth { Width = Columns.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }),
            grid);
        table.Append(Row(header: true, "No.", "質問", "回答"));
        foreach (var item in items)
        {
            var answer = item.ChangesConditions ? "【条件変更】" + item.Answer : item.Answer;
            table.Append(Row(header: false, item.Number.ToString(CultureInfo.InvariantCulture), item.Question, answer));
        }
        return table;
    }

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Columns[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            if (header) cell.TableCellProperties!.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9E2F3" });
            cell.Append(Para(header ? "TableHeading" : i == 0 ? "TableNumber" : "TableText", Text(cells[i])));
            row.Append(cell);
        }
        return row;
    }

    private static Paragraph Para(string? style, params OpenXmlElement[] runs)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(runs);
        return p;
    }

    /// <summary>A run whose line breaks become Word line breaks.</summary>
    private static Run Text(string text)
    {
        var run = new Run();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    private static Paragraph PageNumber() => new(
        new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
        new Run(new Text("- ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text("1")),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
        new Run(new Text(" -") { Space = SpaceProcessingModeValues.Preserve }));

    private static SectionProperties Section(string headerId, string footerId) => new(
        new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId },
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
        new PageMargin { Top = 1418, Bottom = 1418, Left = 1701U, Right = 964U, Header = 851U, Footer = 992U, Gutter = 0U },
        new DocGrid { Type = DocGridValues.Lines, LinePitch = 360 });

    private static void AddSettings(MainDocumentPart main)
    {
        var settings = main.AddNewPart<DocumentSettingsPart>();
        // Word refreshes the PAGE fields on open.
        settings.Settings = new DocumentFormat.OpenXml.Wordprocessing.Settings(new UpdateFieldsOnOpen { Val = true });
    }

    private static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia };

    private static Style ParagraphStyle(string id, string name, string? basedOn, StyleParagraphProperties? p, StyleRunProperties? r)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new PrimaryStyle());
        if (p is not null) style.Append(p);
        if (r is not null) style.Append(r);
        return style;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" });
        var normal = new Style(
            new StyleName { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = JustificationValues.Both }),
            new StyleRunProperties(Fonts(Mincho), new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" }, new Languages { Val = "en-US", EastAsia = "ja-JP" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        var tableStyle = new Style(
            new StyleName { Val = "QA Table" }, new BasedOn { Val = "TableNormal" },
            new StyleTableProperties(borders, new TableCellMarginDefault(
                new TopMargin { Width = "57", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "57", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = TableStyle };
        var tableNormal = new Style(
            new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
            new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true };

        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(Mincho), new FontSize { Val = "22" }, new Languages { Val = "en-US", EastAsia = "ja-JP" })),
                new ParagraphPropertiesDefault()),
            normal,
            ParagraphStyle("Title", "Title", "Normal",
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "120", After = "240" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(Gothic), new Bold(), new FontSize { Val = "32" })),
            ParagraphStyle("Heading1", "heading 1", "Normal",
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = 0 }),
                new StyleRunProperties(Fonts(Gothic), new Bold(), new FontSize { Val = "24" })),
            ParagraphStyle("Right", "Right Aligned", "Normal", new StyleParagraphProperties(new Justification { Val = JustificationValues.Right }), null),
            ParagraphStyle("TableHeading", "Table Heading", "Normal",
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(Gothic), new Bold())),
            ParagraphStyle("TableText", "Table Text", "Normal",
                new StyleParagraphProperties(new SpacingBetweenLines { Line = "300", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = JustificationValues.Left }), null),
            ParagraphStyle("TableNumber", "Table Number", "Normal", new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }), null),
            ParagraphStyle("Note", "Note", "Normal", new StyleParagraphProperties(new SpacingBetweenLines { Before = "180" }), null),
            ParagraphStyle("Header", "header", "Normal",
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Right }),
                new StyleRunProperties(new FontSize { Val = "18" })),
            ParagraphStyle("Footer", "footer", "Normal",
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new FontSize { Val = "18" })),
            tableNormal,
            tableStyle);
    }
}
