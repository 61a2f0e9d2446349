using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Procurement.Features.Documents.Rendering;

/// <summary>
/// What the page header and the package properties say about the document: title and 版数 in the page header, Subject
/// (the full first title line) and the document's date (from the data, never the clock) in the package properties.
/// </summary>
public sealed record DocxMetadata(string Title, string EditionLabel, string Subject = "", DateOnly? Date = null);

/// <summary>
/// Writes blocks as a .docx package. Parts are streamed with XmlWriter straight into the zip instead of being built
/// as an SDK object tree: an 80-page specification stays a few times the cost of zipping its bytes. The output is a
/// pure function of its input (fixed zip timestamps, no "now"), so equal content gives an equal SHA-256.
/// </summary>
public static class DocxWriter
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Rel = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly DateTimeOffset ZipTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int OutlineAbstract = 1;
    private const int ArticleAbstract = 2;
    private const int ArticleItemAbstract = 3;

    /// <summary>The article list (第n条 and its 項); its styles are linked to it, so an article added in Word numbers itself.</summary>
    internal const int ArticleNumId = 1;

    /// <summary>The outline list (別紙 / 第1 / 1 / (1) …); the heading styles are linked to it.</summary>
    internal const int OutlineNumId = 10;

    /// <summary>
    /// 号 are a list of their own, one instance per run of 号 under one 条 or 項, each starting at (1). Sharing the article's
    /// list made Word count the skipped 項 level as used, so the 項 after a 号 list came out one too high (3 for 2).
    /// </summary>
    internal static int ArticleItemNumId(int run) => 100 + run;

    /// <summary>The article list of the n-th later part of a bundle (n ≥ 1), restarting at 第1条.</summary>
    internal static int ArticlePartNumId(int part) => 50 + part;

    /// <summary>The relationship id of page header n (0 = the document's own header).</summary>
    internal static string HeaderRelationship(int index) => index == 0 ? "rId5" : "rId" + (100 + index).ToString(CultureInfo.InvariantCulture);

    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CloseOutput = false,
        CheckCharacters = true,
    };

    /// <summary>Deflate level for every part; the benchmark's floor uses the same.</summary>
    public const CompressionLevel Compression = CompressionLevel.Optimal;

    public static byte[] Write(IReadOnlyList<Block> blocks, DocxMetadata meta, PageLayout layout)
    {
        using var buffer = new MemoryStream(64 * 1024);
        Write(blocks, meta, layout, buffer);
        return buffer.ToArray();
    }

    public static void Write(IReadOnlyList<Block> blocks, DocxMetadata meta, PageLayout layout, Stream output)
    {
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var body = new BodyWriter(blocks, layout);
            var parts = body.PartHeaders;
            Part(zip, "[Content_Types].xml", w => ContentTypes(w, parts.Count));
            Part(zip, "_rels/.rels", RootRels);
            Part(zip, "docProps/core.xml", w => Core(w, meta));
            Part(zip, "docProps/app.xml", App);
            Part(zip, "word/_rels/document.xml.rels", w => DocumentRels(w, parts.Count));
            Part(zip, "word/document.xml", body.Write);
            Part(zip, "word/styles.xml", w => Styles(w, layout));
            Part(zip, "word/numbering.xml", w => Numbering(w, layout, body.ArticleItemRuns, body.ArticleParts));
            Part(zip, "word/settings.xml", Settings);
            Part(zip, "word/fontTable.xml", w => Fonts(w, layout));
            Part(zip, "word/header1.xml", w => Header(w, TextSafety.Clean(meta.Title, 200) + "　" + TextSafety.Clean(meta.EditionLabel, 50)));
            for (var i = 0; i < parts.Count; i++)
            {
                var title = parts[i];
                Part(zip, $"word/header{i + 2}.xml", w => Header(w, TextSafety.Clean(title, 250)));
            }
            Part(zip, "word/footer1.xml", w => Footer(w, body.Sectioned));
        }
    }

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write) => Part(zip, name, (xml, _) => write(xml));

    /// <summary>The part's stream is passed along for writers that bypass XmlWriter for bulk content (after flushing it).</summary>
    private static void Part(ZipArchive zip, string name, Action<XmlWriter, Stream> write)
    {
        var entry = zip.CreateEntry(name, Compression);
        entry.LastWriteTime = ZipTime;
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, XmlSettings);
        xml.WriteStartDocument(true);
        write(xml, stream);
        xml.WriteEndDocument();
    }

    // ---------- package plumbing ----------

    private static void ContentTypes(XmlWriter w, int partHeaders)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        w.WriteStartElement("Types", ns);
        Default(w, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(w, ns, "xml", "application/xml");
        Override(w, ns, "/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
        Override(w, ns, "/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
        Override(w, ns, "/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml");
        Override(w, ns, "/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml");
        Override(w, ns, "/word/fontTable.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
        for (var i = 0; i <= partHeaders; i++)
        {
            Override(w, ns, $"/word/header{i + 1}.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml");
        }
        Override(w, ns, "/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml");
        Override(w, ns, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        Override(w, ns, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        w.WriteEndElement();

        static void Default(XmlWriter w, string ns, string ext, string type)
        {
            w.WriteStartElement("Default", ns);
            w.WriteAttributeString("Extension", ext);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
        static void Override(XmlWriter w, string ns, string part, string type)
        {
            w.WriteStartElement("Override", ns);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", Rel);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    private static void RootRels(XmlWriter w)
    {
        w.WriteStartElement("Relationships", Rel);
        Relationship(w, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml");
        Relationship(w, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
        Relationship(w, "rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml");
        w.WriteEndElement();
    }

    private static void DocumentRels(XmlWriter w, int partHeaders)
    {
        const string t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        w.WriteStartElement("Relationships", Rel);
        Relationship(w, "rId1", t + "styles", "styles.xml");
        Relationship(w, "rId2", t + "numbering", "numbering.xml");
        Relationship(w, "rId3", t + "settings", "settings.xml");
        Relationship(w, "rId4", t + "fontTable", "fontTable.xml");
        Relationship(w, "rId5", t + "header", "header1.xml");
        Relationship(w, "rId6", t + "footer", "footer1.xml");
        for (var i = 1; i <= partHeaders; i++) Relationship(w, HeaderRelationship(i), t + "header", $"header{i + 1}.xml");
        w.WriteEndElement();
    }

    private static void Core(XmlWriter w, DocxMetadata meta)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        w.WriteStartElement("cp", "coreProperties", cp);
        w.WriteAttributeString("xmlns", "dc", null, dc);
        w.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        w.WriteAttributeString("xmlns", "xsi", null, xsi);
        w.WriteElementString("dc", "title", dc, TextSafety.Clean(meta.Title, 500));
        if (meta.Subject.Length > 0) w.WriteElementString("dc", "subject", dc, TextSafety.Clean(meta.Subject, 500));
        w.WriteElementString("dc", "creator", dc, "Procurement");
        w.WriteElementString("cp", "version", cp, TextSafety.Clean(meta.EditionLabel, 100));
        if (meta.Date is { } date)
        {
            // Without dates Word and LibreOffice show none; with the clock's, two renders of equal data would differ.
            var stamp = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
            foreach (var name in new[] { "created", "modified" })
            {
                w.WriteStartElement("dcterms", name, dcterms);
                w.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
                w.WriteString(stamp);
                w.WriteEndElement();
            }
        }
        w.WriteEndElement();
    }

    private static void App(XmlWriter w)
    {
        const string ep = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
        w.WriteStartElement("Properties", ep);
        w.WriteElementString("Application", ep, "Procurement");
        w.WriteEndElement();
    }

    private static void Settings(XmlWriter w)
    {
        w.WriteStartElement("w", "settings", W);
        Val(w, "defaultTabStop", "840");
        Val(w, "characterSpacingControl", "compressPunctuation");
        // No updateFields: Word would ask on every opening whether to update fields referring to other files. The
        // table of contents carries its page numbers already (BodyWriter estimates them, the documents page measures
        // them with LibreOffice), and PAGE/SECTIONPAGES in the footer update without being asked.
        w.WriteStartElement("w", "compat", W);
        w.WriteStartElement("w", "compatSetting", W);
        w.WriteAttributeString("w", "name", W, "compatibilityMode");
        w.WriteAttributeString("w", "uri", W, "http://schemas.microsoft.com/office/word");
        w.WriteAttributeString("w", "val", W, "15");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Fonts(XmlWriter w, PageLayout layout)
    {
        w.WriteStartElement("w", "fonts", W);
        Font(w, layout.MinchoFont, layout.MinchoFallback, "roman");
        Font(w, layout.GothicFont, layout.GothicFallback, "modern");
        w.WriteEndElement();

        static void Font(XmlWriter w, string name, string alt, string family)
        {
            w.WriteStartElement("w", "font", W);
            w.WriteAttributeString("w", "name", W, name);
            Val(w, "altName", alt);
            Val(w, "charset", "80"); // SHIFTJIS_CHARSET: tells Word the face is Japanese
            Val(w, "family", family);
            Val(w, "pitch", "fixed");
            w.WriteEndElement();
        }
    }

    private static void Header(XmlWriter w, string text)
    {
        w.WriteStartElement("w", "hdr", W);
        w.WriteAttributeString("xmlns", "r", null, R);
        w.WriteStartElement("w", "p", W);
        w.WriteStartElement("w", "pPr", W);
        Val(w, "pStyle", "Header");
        Val(w, "jc", "right");
        w.WriteEndElement();
        Run(w, text);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>Page n / pages; with a cover or parts, 「－ n －」 counted within the section (each part counts its own).</summary>
    private static void Footer(XmlWriter w, bool sectioned)
    {
        w.WriteStartElement("w", "ftr", W);
        w.WriteAttributeString("xmlns", "r", null, R);
        w.WriteStartElement("w", "p", W);
        w.WriteStartElement("w", "pPr", W);
        Val(w, "pStyle", "Footer");
        Val(w, "jc", "center");
        w.WriteEndElement();
        if (sectioned)
        {
            // LibreOffice does not compute SECTIONPAGES, and NUMPAGES would count the cover or the other parts.
            Run(w, "－ ");
            Field(w, " PAGE ", "1");
            Run(w, " －");
        }
        else
        {
            Field(w, " PAGE ", "1");
            Run(w, " / ");
            Field(w, " NUMPAGES ", "1");
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    // ---------- styles and numbering ----------

    private static void Styles(XmlWriter w, PageLayout l)
    {
        var ch = l.CharTwips;
        w.WriteStartElement("w", "styles", W);
        w.WriteStartElement("w", "docDefaults", W);
        w.WriteStartElement("w", "rPrDefault", W);
        w.WriteStartElement("w", "rPr", W);
        RunFonts(w, l.MinchoFont);
        Val(w, "kern", "2");
        Val(w, "sz", l.HalfPoints);
        Val(w, "szCs", l.HalfPoints);
        w.WriteStartElement("w", "lang", W);
        w.WriteAttributeString("w", "val", W, "en-US");
        w.WriteAttributeString("w", "eastAsia", W, "ja-JP");
        w.WriteAttributeString("w", "bidi", W, "ar-SA");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("w", "pPrDefault", W);
        w.WriteStartElement("w", "pPr", W);
        // Widow/orphan control: no paragraph leaves a single line at a page foot or carries one to the next page.
        w.WriteStartElement("w", "widowControl", W);
        w.WriteEndElement();
        w.WriteStartElement("w", "spacing", W);
        w.WriteAttributeString("w", "after", W, "0");
        w.WriteAttributeString("w", "line", W, l.LinePitchTwips.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("w", "lineRule", W, "exact");
        w.WriteEndElement();
        Val(w, "jc", "both");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        Style(w, "Normal", "Normal", isDefault: true);
        w.WriteEndElement();

        Style(w, "Title", "Title", basedOn: "Normal", next: "Normal");
        StylePara(w, jc: "center", before: 0, after: ch, keepNext: true, singleSpacing: true);
        StyleRun(w, l.GothicFont, 32);
        w.WriteEndElement();

        Style(w, "Subtitle", "Subtitle", basedOn: "Normal", next: "Normal");
        StylePara(w, jc: "center", before: 0, after: ch);
        StyleRun(w, l.GothicFont, 24);
        w.WriteEndElement();

        // Heading styles are linked to the outline list (numPr in the style, pStyle in the level): a heading an officer
        // adds in Word with the 見出し style is numbered and renumbers the ones after it.
        for (var i = 1; i <= 3; i++)
        {
            Style(w, "Heading" + i, "heading " + i, basedOn: "Normal", next: "Normal");
            StylePara(w, jc: "left", before: i == 1 ? ch : ch / 2, after: 0, keepNext: true, outline: i - 1, numbering: (OutlineNumId, i));
            StyleRun(w, l.GothicFont, i == 1 ? l.HalfPoints + 2 : l.HalfPoints);
            w.WriteEndElement();
        }
        Style(w, "PlainHeading", "別紙見出し", basedOn: "Normal", next: "Normal");
        StylePara(w, jc: "left", before: ch, after: ch / 2, keepNext: true, outline: 0, numbering: (OutlineNumId, 0));
        StyleRun(w, l.GothicFont, l.HalfPoints + 2);
        w.WriteEndElement();

        Style(w, "ListItem", "項目", basedOn: "Normal", next: "ListItem");
        w.WriteEndElement();
        Style(w, "Article", "条", basedOn: "Normal", next: "ArticleParagraph");
        StyleNumbering(w, ArticleNumId, 0);
        w.WriteEndElement();
        Style(w, "ArticleParagraph", "項", basedOn: "Normal", next: "ArticleParagraph");
        StyleNumbering(w, ArticleNumId, 1);
        w.WriteEndElement();
        Style(w, "ArticleItem", "号", basedOn: "Normal", next: "ArticleItem");
        w.WriteEndElement();

        Style(w, "TableText", "表本文", basedOn: "Normal", next: "TableText");
        StylePara(w, jc: "left", before: 0, after: 0, singleSpacing: true);
        StyleRun(w, null, l.HalfPoints - 2);
        w.WriteEndElement();
        Style(w, "TableHeading", "表見出し", basedOn: "TableText", next: "TableText");
        StylePara(w, jc: "center", before: 0, after: 0, singleSpacing: true);
        StyleRun(w, l.GothicFont, l.HalfPoints - 2);
        w.WriteEndElement();

        Style(w, "TOCHeading", "TOC Heading", basedOn: "Normal", next: "Normal");
        StylePara(w, jc: "center", before: ch, after: ch / 2);
        StyleRun(w, l.GothicFont, l.HalfPoints + 2);
        w.WriteEndElement();
        for (var i = 1; i <= 2; i++)
        {
            Style(w, "TOC" + i, "toc " + i, basedOn: "Normal", next: "Normal");
            w.WriteStartElement("w", "pPr", W);
            w.WriteStartElement("w", "tabs", W);
            w.WriteStartElement("w", "tab", W);
            w.WriteAttributeString("w", "val", W, "right");
            w.WriteAttributeString("w", "leader", W, "dot");
            w.WriteAttributeString("w", "pos", W, l.TextWidthTwips.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("w", "ind", W);
            w.WriteAttributeString("w", "left", W, ((i - 1) * ch).ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        Style(w, "Header", "header", basedOn: "Normal", next: "Header");
        StyleRun(w, null, 18);
        w.WriteEndElement();
        Style(w, "Footer", "footer", basedOn: "Normal", next: "Footer");
        StyleRun(w, null, 18);
        w.WriteEndElement();

        // Table style: grid borders; header rows get shading from the writer.
        w.WriteStartElement("w", "style", W);
        w.WriteAttributeString("w", "type", W, "table");
        w.WriteAttributeString("w", "styleId", W, "TableGrid");
        Val(w, "name", "Table Grid");
        w.WriteStartElement("w", "tblPr", W);
        w.WriteStartElement("w", "tblBorders", W);
        foreach (var side in new[] { "top", "left", "bottom", "right", "insideH", "insideV" })
        {
            w.WriteStartElement("w", side, W);
            w.WriteAttributeString("w", "val", W, "single");
            w.WriteAttributeString("w", "sz", W, "4");
            w.WriteAttributeString("w", "space", W, "0");
            w.WriteAttributeString("w", "color", W, "auto");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("w", "tblCellMar", W);
        foreach (var (side, v) in new[] { ("left", 85), ("right", 85) })
        {
            w.WriteStartElement("w", side, W);
            w.WriteAttributeString("w", "w", W, v.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("w", "type", W, "dxa");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteEndElement();
    }

    private static void Style(XmlWriter w, string id, string name, string? basedOn = null, string? next = null, bool isDefault = false)
    {
        w.WriteStartElement("w", "style", W);
        w.WriteAttributeString("w", "type", W, "paragraph");
        if (isDefault) w.WriteAttributeString("w", "default", W, "1");
        w.WriteAttributeString("w", "styleId", W, id);
        Val(w, "name", name);
        if (basedOn is not null) Val(w, "basedOn", basedOn);
        if (next is not null) Val(w, "next", next);
        w.WriteStartElement("w", "qFormat", W);
        w.WriteEndElement();
    }

    private static void StylePara(XmlWriter w, string jc, int before, int after, bool keepNext = false, int? outline = null, int? indentLeft = null,
        bool singleSpacing = false, (int NumId, int Level)? numbering = null)
    {
        w.WriteStartElement("w", "pPr", W);
        if (keepNext) { w.WriteStartElement("w", "keepNext", W); w.WriteEndElement(); }
        if (numbering is { } n) NumPr(w, n.NumId, n.Level);
        w.WriteStartElement("w", "spacing", W);
        w.WriteAttributeString("w", "before", W, before.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("w", "after", W, after.ToString(CultureInfo.InvariantCulture));
        if (singleSpacing)
        {
            // Titles and table cells: sized by their font, not the body's 40-line pitch.
            w.WriteAttributeString("w", "line", W, "240");
            w.WriteAttributeString("w", "lineRule", W, "auto");
        }
        w.WriteEndElement();
        if (indentLeft is { } left)
        {
            w.WriteStartElement("w", "ind", W);
            w.WriteAttributeString("w", "left", W, left.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
        }
        Val(w, "jc", jc);
        if (outline is { } o) Val(w, "outlineLvl", o);
        w.WriteEndElement();
    }

    private static void StyleNumbering(XmlWriter w, int numId, int level)
    {
        w.WriteStartElement("w", "pPr", W);
        NumPr(w, numId, level);
        w.WriteEndElement();
    }

    internal static void NumPr(XmlWriter w, int numId, int level)
    {
        w.WriteStartElement("w", "numPr", W);
        Val(w, "ilvl", level);
        Val(w, "numId", numId);
        w.WriteEndElement();
    }

    private static void StyleRun(XmlWriter w, string? font, int halfPoints)
    {
        w.WriteStartElement("w", "rPr", W);
        if (font is not null) RunFonts(w, font);
        Val(w, "sz", halfPoints);
        Val(w, "szCs", halfPoints);
        w.WriteEndElement();
    }

    private static void RunFonts(XmlWriter w, string font)
    {
        w.WriteStartElement("w", "rFonts", W);
        w.WriteAttributeString("w", "ascii", W, font);
        w.WriteAttributeString("w", "eastAsia", W, font);
        w.WriteAttributeString("w", "hAnsi", W, font);
        w.WriteAttributeString("w", "cs", W, font);
        w.WriteEndElement();
    }

    /// <summary>
    /// Label, number format, where the label starts and how far wrapped lines hang (in characters), and the paragraph
    /// style linked to the level, per level.
    /// </summary>
    internal sealed record Level(string Text, string Format, double StartChars, double HangChars, int Start = 1, string? Style = null);

    /// <summary>
    /// 公用文作成の考え方 (2022): 第1 → 1 → (1) → ア → (ア) → a → (a), below an unnumbered level 0 for the parts of a
    /// document (別紙, the next letter of a file of letters): using level 0 restarts 第1, in Word as in any reader.
    /// </summary>
    internal static readonly Level[] OutlineLevels =
    [
        new("", "none", 0, 0, Style: "PlainHeading"),
        new("第%2　", "decimal", 0, 3, Style: "Heading1"),
        new("%3　", "decimal", 1, 1.5, Style: "Heading2"),
        new("(%4)　", "decimal", 2, 2.5, Style: "Heading3"),
        new("%5　", "aiueoFullWidth", 3, 2),
        new("(%6)　", "aiueoFullWidth", 4, 3),
        new("%7　", "lowerLetter", 5, 1.5),
        new("(%8)　", "lowerLetter", 6, 2.5),
    ];

    /// <summary>Contract articles: 第1条 and its 項 2, 3 … (the first 項 is the article's own text).</summary>
    internal static readonly Level[] ArticleLevels =
    [
        new("第%1条　", "decimal", 0, 1, Style: "Article"),
        new("%2　", "decimal", 0, 1, Start: 2, Style: "ArticleParagraph"),
    ];

    /// <summary>号 of an article or 項: (1), ア, (ア); a list of its own (see <see cref="ArticleItemNumId"/>).</summary>
    internal static readonly Level[] ArticleItemLevels =
    [
        new("(%1)　", "decimal", 1, 2.5),
        new("%2　", "aiueoFullWidth", 2, 2),
        new("(%3)　", "aiueoFullWidth", 3, 3),
    ];

    internal static (int Left, int Hanging) Indent(Level level, PageLayout l) =>
        ((int)Math.Round((level.StartChars + level.HangChars) * l.CharTwips), (int)Math.Round(level.HangChars * l.CharTwips));

    private static void Numbering(XmlWriter w, PageLayout l, int articleItemRuns, int articleParts)
    {
        w.WriteStartElement("w", "numbering", W);
        AbstractNum(w, OutlineAbstract, OutlineLevels, l);
        AbstractNum(w, ArticleAbstract, ArticleLevels, l);
        AbstractNum(w, ArticleItemAbstract, ArticleItemLevels, l);
        Num(w, ArticleNumId, ArticleAbstract, restart: false);
        Num(w, OutlineNumId, OutlineAbstract, restart: false);
        for (var p = 1; p < articleParts; p++) Num(w, ArticlePartNumId(p), ArticleAbstract, restart: true);
        // Each run of 号 restarts at (1): Word continues a list across instances of one abstract list unless told not to.
        for (var i = 0; i < articleItemRuns; i++) Num(w, ArticleItemNumId(i), ArticleItemAbstract, restart: true);
        w.WriteEndElement();
    }

    private static void AbstractNum(XmlWriter w, int id, Level[] levels, PageLayout l)
    {
        w.WriteStartElement("w", "abstractNum", W);
        w.WriteAttributeString("w", "abstractNumId", W, id.ToString(CultureInfo.InvariantCulture));
        Val(w, "multiLevelType", "multilevel");
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            var (left, hanging) = Indent(level, l);
            w.WriteStartElement("w", "lvl", W);
            w.WriteAttributeString("w", "ilvl", W, i.ToString(CultureInfo.InvariantCulture));
            Val(w, "start", level.Start);
            Val(w, "numFmt", level.Format);
            if (level.Style is not null) Val(w, "pStyle", level.Style);
            Val(w, "suff", "nothing"); // the label carries its own ideographic space
            Val(w, "lvlText", level.Text);
            Val(w, "lvlJc", "left");
            w.WriteStartElement("w", "pPr", W);
            w.WriteStartElement("w", "ind", W);
            w.WriteAttributeString("w", "left", W, left.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("w", "hanging", W, hanging.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Num(XmlWriter w, int numId, int abstractId, bool restart)
    {
        w.WriteStartElement("w", "num", W);
        w.WriteAttributeString("w", "numId", W, numId.ToString(CultureInfo.InvariantCulture));
        Val(w, "abstractNumId", abstractId);
        if (restart)
        {
            w.WriteStartElement("w", "lvlOverride", W);
            w.WriteAttributeString("w", "ilvl", W, "0");
            Val(w, "startOverride", 1);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    // ---------- small helpers shared with the body writer ----------

    internal static void Val(XmlWriter w, string name, string value)
    {
        w.WriteStartElement("w", name, W);
        w.WriteAttributeString("w", "val", W, value);
        w.WriteEndElement();
    }

    internal static void Val(XmlWriter w, string name, int value) => Val(w, name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>One run; \t becomes w:tab and line breaks (\n, U+2028) become w:br, so user line breaks stay inside the paragraph.</summary>
    internal static void Run(XmlWriter w, string text, bool gothic = false, string? gothicFont = null)
    {
        w.WriteStartElement("w", "r", W);
        if (gothic && gothicFont is not null)
        {
            w.WriteStartElement("w", "rPr", W);
            RunFonts(w, gothicFont);
            w.WriteEndElement();
        }
        var from = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length;
            var c = end ? '\0' : text[i];
            if (!end && c != '\t' && c != '\n' && c != TextSafety.LineBreak) continue;
            if (i > from)
            {
                w.WriteStartElement("w", "t", W);
                w.WriteAttributeString("xml", "space", null, "preserve");
                w.WriteString(from == 0 && end ? TextSafety.Clean(text, int.MaxValue) : TextSafety.Clean(text[from..i], int.MaxValue));
                w.WriteEndElement();
            }
            if (!end)
            {
                w.WriteStartElement("w", c == '\t' ? "tab" : "br", W);
                w.WriteEndElement();
            }
            from = i + 1;
        }
        w.WriteEndElement();
    }

    internal static void Field(XmlWriter w, string instruction, string placeholder)
    {
        FieldChar(w, "begin");
        w.WriteStartElement("w", "r", W);
        w.WriteStartElement("w", "instrText", W);
        w.WriteAttributeString("xml", "space", null, "preserve");
        w.WriteString(instruction);
        w.WriteEndElement();
        w.WriteEndElement();
        FieldChar(w, "separate");
        Run(w, placeholder);
        FieldChar(w, "end");
    }

    internal static void FieldChar(XmlWriter w, string type)
    {
        w.WriteStartElement("w", "r", W);
        w.WriteStartElement("w", "fldChar", W);
        w.WriteAttributeString("w", "fldCharType", W, type);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    internal const string WordNs = W;
    internal const string RelNs = R;
}
