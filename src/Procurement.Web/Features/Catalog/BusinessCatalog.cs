using System.Text.Json;
using System.Text.Json.Serialization;

namespace Procurement.Features.Catalog;

/// <summary>Which data standard an end-of-contract data provision must follow for a 業務.</summary>
public enum DataStandard
{
    /// <summary>中間標準レイアウト仕様 (総務省, V2.7 令和3年5月).</summary>
    IntermediateStandardLayout,
    /// <summary>標準化法 (令和3年法律第40号) の データ要件・連携要件標準仕様書 (デジタル庁).</summary>
    StandardisedDataRequirements,
}

public sealed record Business(string Code, string Name, string EnglishName, bool InIntermediateLayout, bool Standardised)
{
    /// <summary>Standardised 業務 cite the newer 標準化 data requirements; the others cite 中間標準レイアウト.</summary>
    public DataStandard DataStandard => Standardised ? DataStandard.StandardisedDataRequirements : DataStandard.IntermediateStandardLayout;

    public string DataStandardName => DataStandard == DataStandard.StandardisedDataRequirements
        ? "地方公共団体情報システムデータ要件・連携要件標準仕様書"
        : "中間標準レイアウト仕様";

    /// <summary>The character set the data is handed over in: 行政事務標準文字 for 標準準拠システム, 文字情報基盤 otherwise.</summary>
    public string CharacterSet => Standardised ? BusinessCatalog.Source.CharacterSets.Standardised : BusinessCatalog.Source.CharacterSets.IntermediateLayout;

    /// <summary>
    /// On the 特定移行支援 path the system is not yet a 標準準拠システム: it keeps the 中間標準レイアウト (and 文字情報基盤)
    /// when the 業務 has one; a 業務 outside that list has no other published layout and keeps the 標準化 data requirements.
    /// </summary>
    public string DataStandardNameFor(bool specificMigration) => specificMigration && InIntermediateLayout ? "中間標準レイアウト仕様" : DataStandardName;

    public string CharacterSetFor(bool specificMigration) =>
        specificMigration && InIntermediateLayout ? BusinessCatalog.Source.CharacterSets.IntermediateLayout : CharacterSet;
}

/// <summary>
/// The 23 業務 of 中間標準レイアウト仕様 (seed footnote) and the 20 基幹業務 of 標準化法, merged by name. The list is data
/// (Features/Catalog/business-catalog.json, embedded) with the source of each list, so a change of the 政令's list is an
/// edit of that file, not of code.
/// </summary>
public static class BusinessCatalog
{
    public sealed record Sources(string IntermediateLayout, string Standardised);
    public sealed record CharacterSetNames(string Standardised, string IntermediateLayout);
    public sealed record CatalogFile(Sources Sources, CharacterSetNames CharacterSets, IReadOnlyList<Entry> Businesses);
    public sealed record Entry(string Code, string Name, string English, bool IntermediateLayout, bool Standardised);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The catalogue file as loaded: where each list comes from and the character set names.</summary>
    public static CatalogFile Source { get; } = Load();

    public static readonly IReadOnlyList<Business> All =
        Source.Businesses.Select(b => new Business(b.Code, b.Name, b.English, b.IntermediateLayout, b.Standardised)).ToList();

    private static readonly Dictionary<string, Business> ByCode = All.ToDictionary(b => b.Code);

    private static CatalogFile Load()
    {
        using var stream = typeof(BusinessCatalog).Assembly.GetManifestResourceStream("business-catalog.json")
            ?? throw new InvalidOperationException("business-catalog.json is not embedded");
        var file = JsonSerializer.Deserialize<CatalogFile>(stream, Json) ?? throw new InvalidOperationException("business-catalog.json is empty");
        if (file.Businesses.Count(b => b.Standardised) != 20 || file.Businesses.Count(b => b.IntermediateLayout) != 23)
        {
            throw new InvalidOperationException("business-catalog.json: the 標準化 list must have 20 業務 and the 中間標準レイアウト list 23.");
        }
        return file;
    }

    public static Business? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <remarks>Null is unknown: a form posting an empty checkbox value binds it as a null entry.</remarks>
    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);
}
