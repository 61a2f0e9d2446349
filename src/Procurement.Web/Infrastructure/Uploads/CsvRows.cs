using System.Text;

namespace Procurement.Infrastructure.Uploads;

/// <summary>RFC 4180 CSV in UTF-8 (a BOM is skipped): quoted fields may hold commas, quotes ("") and line breaks.</summary>
public static class CsvRows
{
    /// <summary>Stops after <paramref name="maxRows"/> rows: enough for the caller to know there are too many. Invalid UTF-8 throws <see cref="DecoderFallbackException"/>.</summary>
    public static List<string[]> Read(Stream content, int maxRows)
    {
        using var reader = new StreamReader(content, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                rows.Add([.. row]); row.Clear();
                if (rows.Count == maxRows) return rows;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
