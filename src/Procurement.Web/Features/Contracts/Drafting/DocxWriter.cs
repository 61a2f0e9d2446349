using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Procurement.Features.Contracts.Drafting;

/// <summary>The SDK's validator found errors; the file is not stored or sent.</summary>
public sealed class InvalidDocxException(IReadOnlyList<string> errors)
    : Exception("生成した文書の検証でエラーが見つかりました: " + string.Join(" / ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Blocks → WordprocessingML: A4 portrait, margins of the municipal rule in docs/domain.md §8 (top/bottom 25 mm,
/// left 30 mm, right 17 mm), body in 明朝 and headings in ゴシック, real heading styles with outline levels, tables
/// with tblGrid and a repeating header row, a header with title and 版数 and a footer with page X / Y.
/// </summary>
public static class DocxWriter
{
    // Word on Windows has the MS fonts; LibreOffice on Linux reads the font table's altName and family, and
    // fontconfig maps both to Noto CJK (fonts-noto-cjk), so the PDF shows Japanese instead of tofu.
    private const string Mincho = "ＭＳ 明朝";
    private const string Gothic = "ＭＳ ゴシック";
    private const string MinchoFallback = "Noto Serif CJK JP";
    private const string GothicFallback = "Noto Sans CJK JP";

    private const int PageWidth = 11906, PageHeight = 16838;
    private const int MarginTop = 1418, MarginBottom = 1418, MarginLeft = 1701, MarginRight = 964;
    private const int TextWidth = PageWidth - MarginLeft - MarginRight;
    private const int FontHalfPoints = 21; // 10.5pt body with at least 17.5pt lines: about 40 lines on the page, as in the municipal rule
    private const int CharTwips = FontHalfPoints * 10; // one full-width character in twips

    public static byte[] Write(DraftDocument doc)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            AddFonts(main);
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
                new DefaultTabStop { Val = CharTwips * 2 },
                new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
                new UpdateFieldsOnOpen { Val = true }); // page X / Y are fields: refreshed by Word on open, by LibreOffice on conversion

            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Header" }, new Justification { Val = JustificationValues.Right }),
                TextRun($"{doc.Title}　{doc.VersionLabel}")));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
                Field("PAGE", "1"), TextRun(" / "), Field("NUMPAGES", "1")));

            var body = new Body();
            body.Append(Para(doc.Title, "Title"));
            if (!string.IsNullOrEmpty(doc.Subtitle)) body.Append(Para(doc.Subtitle, "Subtitle"));
            foreach (var block in doc.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock h: body.Append(Para(h.Text, h.Level <= 1 ? "Heading1" : "Heading2")); break;
                    case ParagraphBlock p: body.Append(BodyPara(p)); break;
                    case TableBlock t:
                        body.Append(Table(t));
                        body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
                        break;
                }
            }
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 851, Footer = 851, Gutter = 0 }));
            main.Document = new Document(body);
            word.PackageProperties.Title = doc.Title;
            word.PackageProperties.Subject = doc.Subtitle;

            var errors = Validate(word);
            if (errors.Count > 0) throw new InvalidDocxException(errors);
        }
        return stream.ToArray();
    }

    /// <summary>Paths and descriptions are read before the package is disposed: afterwards they throw.</summary>
    public static IReadOnlyList<string> Validate(WordprocessingDocument word) =>
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

    public static IReadOnlyList<string> Validate(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        return Validate(word);
    }

    private static Paragraph Para(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(text));

    private static Paragraph BodyPara(ParagraphBlock p)
    {
        var props = new ParagraphProperties();
        if (p.Indent > 0 || !p.Hanging)
        {
            // 項 paragraphs ("2　…") and body text start flush and wrap flush; list items hang so the text aligns after （1）.
            props.Indentation = p.Hanging
                ? new Indentation { Left = (CharTwips * (p.Indent + 2)).ToString(), Hanging = (CharTwips * 2).ToString() }
                : new Indentation { Left = (CharTwips * p.Indent).ToString() };
        }
        if (p.Align != BlockAlign.Left)
        {
            props.Justification = new Justification { Val = p.Align == BlockAlign.Center ? JustificationValues.Center : JustificationValues.Right };
        }
        return new Paragraph(props, TextRun(p.Text));
    }

    /// <summary>A line break in user text becomes a Word line break inside the paragraph, a tab a tab; never a new paragraph.</summary>
    private static Run TextRun(string text)
    {
        var run = new Run();
        var lines = XmlText.Sanitize(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            var parts = lines[i].Split('\t');
            for (var j = 0; j < parts.Length; j++)
            {
                if (j > 0) run.Append(new TabChar());
                if (parts[j].Length > 0) run.Append(new Text(parts[j]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }
        return run;
    }

    private static SimpleField Field(string instruction, string placeholder) =>
        new(new Run(new Text(placeholder))) { Instruction = $" {instruction} " };

    private static Table Table(TableBlock t)
    {
        var total = t.Widths.Sum();
        var widths = t.Widths.Select(w => TextWidth * w / total).ToList();
        var table = new Table(new TableProperties(
            new TableStyle { Val = "DraftTable" },
            new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        table.Append(Row(t.Header, widths, header: true));
        foreach (var row in t.Rows) table.Append(Row(row, widths, header: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, List<int> widths, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new CantSplit(), new TableHeader()));
        else row.Append(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < widths.Count; i++)
        {
            var cellProps = new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(), Type = TableWidthUnitValues.Dxa });
            if (header) cellProps.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E7ECF2" });
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = header ? "TableHeading" : "TableText" }),
                TextRun(i < cells.Count ? cells[i] : ""));
            row.Append(new TableCell(cellProps, paragraph));
        }
        return row;
    }

    private static RunFonts Fonts(string eastAsia) => new() { Ascii = "Century", HighAnsi = "Century", EastAsia = eastAsia, ComplexScript = "Times New Roman" };

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    Fonts(Mincho),
                    new Kern { Val = 2 },
                    new FontSize { Val = FontHalfPoints.ToString() },
                    new FontSizeComplexScript { Val = FontHalfPoints.ToString() },
                    new Languages { Val = "en-US", EastAsia = "ja-JP", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "350", LineRule = LineSpacingRuleValues.AtLeast }))),
            ParagraphStyle("Normal", "Normal", null, isDefault: true,
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Both }), null),
            ParagraphStyle("Title", "Title", "Normal", false,
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "120", After = "120" }, new Justification { Val = JustificationValues.Center }, new OutlineLevel { Val = 0 }),
                new StyleRunProperties(Fonts(Gothic), new Bold(), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" })),
            ParagraphStyle("Subtitle", "Subtitle", "Normal", false,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(Gothic), new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" })),
            ParagraphStyle("Heading1", "heading 1", "Normal", false,
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "180", After = "0" }, new OutlineLevel { Val = 1 }),
                new StyleRunProperties(Fonts(Gothic), new Bold(), new FontSize { Val = FontHalfPoints.ToString() })),
            ParagraphStyle("Heading2", "heading 2", "Normal", false,
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "0" }, new OutlineLevel { Val = 2 }),
                new StyleRunProperties(Fonts(Gothic), new FontSize { Val = FontHalfPoints.ToString() })),
            ParagraphStyle("TableHeading", "Table Heading", "Normal", false,
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Line = "260", LineRule = LineSpacingRuleValues.AtLeast }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(Gothic), new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            ParagraphStyle("TableText", "Table Text", "Normal", false,
                new StyleParagraphProperties(new SpacingBetweenLines { Line = "260", LineRule = LineSpacingRuleValues.AtLeast }, new Justification { Val = JustificationValues.Left }),
                new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            ParagraphStyle("Header", "header", "Normal", false, null,
                new StyleRunProperties(Fonts(Gothic), new Color { Val = "555555" }, new FontSize { Val = "16" }, new FontSizeComplexScript { Val = "16" })),
            ParagraphStyle("Footer", "footer", "Normal", false, null,
                new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            new Style(
                new StyleName { Val = "Draft Table" },
                new BasedOn { Val = "TableNormal" },
                new UIPriority { Val = 59 },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                        new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" }),
                    new TableCellMarginDefault(
                        new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "DraftTable" },
            new Style(
                new StyleName { Val = "Normal Table" },
                new UIPriority { Val = 99 },
                new SemiHidden(),
                new UnhideWhenUsed(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties? pPr, StyleRunProperties? rPr)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new NextParagraphStyle { Val = "Normal" });
        style.Append(new PrimaryStyle());
        if (pPr is not null) style.Append(pPr);
        if (rPr is not null) style.Append(rPr);
        return style;
    }

    private static void AddFonts(MainDocumentPart main)
    {
        main.AddNewPart<FontTablePart>().Fonts = new Fonts(
            Font(Mincho, MinchoFallback, FontFamilyValues.Roman, FontPitchValues.Fixed),
            Font(Gothic, GothicFallback, FontFamilyValues.Modern, FontPitchValues.Fixed),
            Font("Century", null, FontFamilyValues.Roman, FontPitchValues.Variable));
    }

    private static Font Font(string name, string? altName, FontFamilyValues family, FontPitchValues pitch)
    {
        var font = new Font { Name = name };
        if (altName is not null) font.Append(new AltName { Val = altName });
        font.Append(new FontCharSet { Val = altName is null ? "00" : "80" });
        font.Append(new FontFamily { Val = family });
        font.Append(new Pitch { Val = pitch });
        return font;
    }
}
