namespace Procurement.Features.Documents.Rendering;

/// <summary>
/// Page set-up and fonts of generated documents. Defaults follow a typical municipal rule (A4 portrait, MS明朝 11pt,
/// margins top 25 / bottom 25 / left 30 / right 17 mm: 42 characters × 40 lines).
/// </summary>
public sealed record PageLayout
{
    public double TopMm { get; init; } = 25;
    public double BottomMm { get; init; } = 25;
    public double LeftMm { get; init; } = 30;
    public double RightMm { get; init; } = 17;
    public double HeaderMm { get; init; } = 12;
    public double FooterMm { get; init; } = 10;
    /// <summary>Body size in points.</summary>
    public double FontSizePt { get; init; } = 11;
    public int LinesPerPage { get; init; } = 40;

    /// <summary>Names Word on Windows knows; the fallbacks are what LibreOffice on Linux uses instead (see <see cref="PdfConverter"/>).</summary>
    public string MinchoFont { get; init; } = "MS Mincho";
    public string GothicFont { get; init; } = "MS Gothic";
    public string MinchoFallback { get; init; } = "Noto Serif CJK JP";
    public string GothicFallback { get; init; } = "Noto Sans CJK JP";

    public static PageLayout Default { get; } = new();

    public const int PageWidthTwips = 11906;
    public const int PageHeightTwips = 16838;

    public static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    public int TextWidthTwips => PageWidthTwips - Twips(LeftMm) - Twips(RightMm);
    public int HalfPoints => (int)Math.Round(FontSizePt * 2);
    /// <summary>One full-width character in twips (1 pt = 20 twips).</summary>
    public int CharTwips => (int)Math.Round(FontSizePt * 20);
    public int LinePitchTwips => (PageHeightTwips - Twips(TopMm) - Twips(BottomMm)) / Math.Max(1, LinesPerPage);
}
