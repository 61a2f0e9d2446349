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
}

/// <summary>
/// The 23 業務 of 中間標準レイアウト仕様 (seed footnote) and the 20 基幹業務 of 標準化法, merged by name.
/// </summary>
public static class BusinessCatalog
{
    public static readonly IReadOnlyList<Business> All =
    [
        new("jukiki", "住民基本台帳", "Basic resident register", true, true),
        new("inkan", "印鑑登録", "Seal registration", true, true),
        new("jutogai", "住登外管理", "Non-resident records", true, false),
        new("koseki", "戸籍", "Family register", true, true),
        new("koseki-fuhyo", "戸籍の附票", "Family register supplement", false, true),
        new("shugaku", "就学", "School enrolment", true, true),
        new("senkyo", "選挙人名簿管理", "Electoral roll", true, true),
        new("kotei", "固定資産税", "Fixed asset tax", true, true),
        new("kojin-jumin", "個人住民税", "Individual inhabitant tax", true, true),
        new("hojin-jumin", "法人住民税", "Corporate inhabitant tax", true, true),
        new("keijidosha", "軽自動車税", "Light vehicle tax", true, true),
        new("shutai", "収滞納管理", "Tax collection and arrears", true, false),
        new("kokuho", "国民健康保険", "National health insurance", true, true),
        new("kokunen", "国民年金", "National pension", true, true),
        new("kaigo", "介護保険", "Long-term care insurance", true, true),
        new("kouki", "後期高齢者医療", "Late-stage elderly medical care", true, true),
        new("kenko", "健康管理", "Health management", true, true),
        new("jidoteate", "児童手当", "Child allowance", true, true),
        new("jidofuyo", "児童扶養手当", "Child-rearing allowance", false, true),
        new("seikatsuhogo", "生活保護", "Public assistance", true, true),
        new("shogaisha", "障害者福祉", "Disability welfare", true, true),
        new("zaimu", "財務会計", "Financial accounting", true, false),
        new("jinji", "人事給与", "Personnel and payroll", true, false),
        new("bunsho", "文書管理", "Document management", true, false),
        new("kodomo", "子ども・子育て支援", "Child and childcare support", true, true),
    ];

    private static readonly Dictionary<string, Business> ByCode = All.ToDictionary(b => b.Code);

    public static Business? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <remarks>Null is unknown: a form posting an empty checkbox value binds it as a null entry.</remarks>
    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);
}
