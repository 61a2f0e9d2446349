using System.IO.Compression;
using System.Text;

namespace Procurement.Tests.Uploads;

/// <summary>Hostile and oversized files built in the test, byte for byte: no binary fixtures.</summary>
public static class CraftedFiles
{
    /// <summary>A genuine Office file with one more part: <paramref name="megabytes"/> MB of zeros that deflate about a thousandfold.</summary>
    public static byte[] WithZeros(byte[] office, int megabytes, string part = "word/media/padding.bin") =>
        Rebuild(office, zip => Write(zip, part, megabytes * 1024 * 1024));

    /// <summary>Many parts just under the size at which the ratio is judged, together more than the total limit.</summary>
    public static byte[] WithManySmallParts(byte[] office, int count, int bytesEach) =>
        Rebuild(office, zip =>
        {
            for (var i = 0; i < count; i++) Write(zip, $"customXml/item{i}.xml", bytesEach);
        });

    /// <summary>A directory of <paramref name="count"/> empty parts.</summary>
    public static byte[] WithEmptyParts(byte[] office, int count) =>
        Rebuild(office, zip =>
        {
            for (var i = 0; i < count; i++) zip.CreateEntry($"customXml/empty{i}.xml", CompressionLevel.NoCompression);
        });

    /// <summary>
    /// The smallest workbook MiniExcel reads, with the sheet's XML as given: rows written compactly (inline strings),
    /// a declared dimension that need not be true, and whatever follows.
    /// </summary>
    public static byte[] Workbook(string dimension, Action<StringBuilder> sheetData, string tail = "")
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Text(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Text(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Text(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
            sheet.Append("<dimension ref=\"").Append(dimension).Append("\"/><sheetData>");
            sheetData(sheet);
            sheet.Append("</sheetData>").Append(tail).Append("</worksheet>");
            Text(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        }
        return ms.ToArray();
    }

    /// <summary>One row of inline-string cells: ("A", "1-1"), ("F", "3") → &lt;row r="n"&gt;…&lt;/row&gt;.</summary>
    public static void Row(StringBuilder sheet, int row, params (string Column, string Value)[] cells)
    {
        sheet.Append("<row r=\"").Append(row).Append("\">");
        foreach (var (column, value) in cells)
        {
            sheet.Append("<c r=\"").Append(column).Append(row).Append("\" t=\"inlineStr\"><is><t>").Append(value).Append("</t></is></c>");
        }
        sheet.Append("</row>");
    }

    private static byte[] Rebuild(byte[] office, Action<ZipArchive> add)
    {
        using var ms = new MemoryStream();
        using (var target = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var source = new ZipArchive(new MemoryStream(office), ZipArchiveMode.Read))
            {
                foreach (var entry in source.Entries)
                {
                    using var from = entry.Open();
                    using var to = target.CreateEntry(entry.FullName).Open();
                    from.CopyTo(to);
                }
            }
            add(target);
        }
        return ms.ToArray();
    }

    private static void Write(ZipArchive zip, string name, int zeros)
    {
        using var to = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        var block = new byte[64 * 1024];
        for (var left = zeros; left > 0; left -= block.Length) to.Write(block, 0, Math.Min(block.Length, left));
    }

    private static void Text(ZipArchive zip, string name, string text)
    {
        using var to = zip.CreateEntry(name).Open();
        to.Write(Encoding.UTF8.GetBytes(text));
    }
}
