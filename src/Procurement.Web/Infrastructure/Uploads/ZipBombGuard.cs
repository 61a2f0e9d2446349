namespace Procurement.Infrastructure.Uploads;

/// <summary>
/// A .docx or .xlsx is a zip archive, and a few kilobytes of zip can expand to gigabytes. Before anything opens one,
/// its central directory (the declared sizes, read without decompressing) must stay within these limits. The declared
/// sizes can be trusted: System.IO.Compression never inflates an entry past its declared length, so a file that lies
/// about them only reads as truncated.
/// </summary>
public static class ZipBombGuard
{
    /// <summary>Everything in the archive together, expanded. Generous for Office files: images are stored, not inflated.</summary>
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;

    /// <summary>Ordinary Office parts compress 2:1 to 30:1; a bomb's parts compress a thousandfold.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Small parts (a styles part of repeated elements) may legitimately compress better; they cannot do harm.</summary>
    public const long RatioCheckedFromBytes = 1024 * 1024;

    /// <summary>Office files have tens of parts; a directory of millions of entries costs memory before any is opened.</summary>
    public const int MaxEntries = 10_000;

    public const string TooLarge = "展開後の合計サイズが{0}MBを超えるため、受け付けられません。";
    public const string TooCompressed = "圧縮率が{0}倍を超える部分を含むため、受け付けられません（圧縮爆弾の疑い）。";
    public const string TooManyEntries = "ファイル内の部品が{0}個を超えるため、受け付けられません。";

    public static readonly IReadOnlyList<string> Templates = [TooLarge, TooCompressed, TooManyEntries];

    public static UploadRefusal? Check(byte[] content) => Check(new MemoryStream(content, writable: false));

    /// <summary>
    /// Null when the content is not a zip at all (the format check says what is wrong with it), is not readable as one,
    /// or is within the limits. A seekable stream is left at the position it had.
    /// </summary>
    public static UploadRefusal? Check(Stream content)
    {
        if (!content.CanSeek) throw new ArgumentException("The upload must be buffered (seekable) before it is checked.", nameof(content));
        var start = content.Position;
        try
        {
            Span<byte> magic = stackalloc byte[4];
            if (content.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || !magic.SequenceEqual("PK\x03\x04"u8)) return null;
            content.Position = start;
            if (DeclaredEntryCount(content) is > MaxEntries) return new UploadRefusal(TooManyEntries, MaxEntries);
            content.Position = start;
            using var zip = new System.IO.Compression.ZipArchive(content, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUncompressedBytes) return new UploadRefusal(TooLarge, MaxUncompressedBytes / 1024 / 1024);
                if (entry.Length >= RatioCheckedFromBytes && entry.Length > (long)MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
                {
                    return new UploadRefusal(TooCompressed, MaxCompressionRatio);
                }
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = start;
        }
    }

    /// <summary>
    /// The entry count of the end-of-central-directory record (the last 22 bytes plus at most a 64 KB comment), read
    /// before ZipArchive builds an object per entry. Null when there is no such record (not a zip). A Zip64 archive
    /// marks the count 0xFFFF: more than any Office file needs, so it is reported as that.
    /// </summary>
    private static int? DeclaredEntryCount(Stream content)
    {
        var length = content.Length - content.Position;
        if (length < 22) return null;
        var tail = (int)Math.Min(length, 22 + 65535);
        var buffer = new byte[tail];
        content.Position = content.Position + length - tail;
        content.ReadExactly(buffer);
        for (var i = tail - 22; i >= 0; i--)
        {
            if (buffer[i] == 0x50 && buffer[i + 1] == 0x4B && buffer[i + 2] == 0x05 && buffer[i + 3] == 0x06)
            {
                return BitConverter.ToUInt16(buffer, i + 10);
            }
        }
        return null;
    }
}
