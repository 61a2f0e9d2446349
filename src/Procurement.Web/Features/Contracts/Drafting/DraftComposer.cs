using System.Globalization;
using System.Text.RegularExpressions;
using Procurement.Features.Catalog;
using Procurement.Features.Documents;
using Procurement.Features.Sla;

namespace Procurement.Features.Contracts.Drafting;

/// <summary>
/// Turns <see cref="DraftInputs"/> and the clause data into the three drafts as blocks. Values that are not decided
/// yet (乙 before the award, a missing price) print as 【未定】, which the mandatory check then reports by clause name.
/// </summary>
public static partial class DraftComposer
{
    public static IReadOnlyList<DraftDocument> ComposeAll(DraftInputs inputs) => DraftKinds.All.Select(k => Compose(k, inputs)).ToList();

    public static DraftDocument Compose(DraftDocumentKind kind, DraftInputs inputs) => Compose(kind, inputs, ClauseLibrary.For(kind));

    /// <summary>With an explicit clause list, so tests can show that a draft lacking a mandatory clause is refused.</summary>
    public static DraftDocument Compose(DraftDocumentKind kind, DraftInputs inputs, IEnumerable<ClauseTemplate> clauses)
    {
        var values = Values(inputs);
        var blocks = new List<DocBlock>();
        var article = 0;
        foreach (var clause in clauses)
        {
            if (clause.OnlyWhen is { } key && Lines(inputs, key).Count == 0) continue;
            if (clause.Numbered)
            {
                article++;
                blocks.Add(new HeadingBlock(1, $"第{article.ToString(CultureInfo.InvariantCulture)}条（{clause.Title}）", clause.Id));
            }
            else if (clause.Id == "sla-history")
            {
                blocks.Add(new HeadingBlock(1, clause.Title, clause.Id));
            }
            else if (article > 0)
            {
                // The closing (本書2通) must not read as part of the last article.
                blocks.Add(new ParagraphBlock("", clause.Id));
            }
            foreach (var paragraph in clause.Paragraphs) blocks.AddRange(Expand(paragraph, clause.Id, inputs, values));
        }
        return new DraftDocument(kind, DraftKinds.Title(kind), XmlText.Sanitize(inputs.CaseTitle), inputs.Version, blocks);
    }

    private static IEnumerable<DocBlock> Expand(string paragraph, string clauseId, DraftInputs inputs, IReadOnlyDictionary<string, string> values)
    {
        if (paragraph.StartsWith("@list:", StringComparison.Ordinal))
        {
            var items = Lines(inputs, paragraph["@list:".Length..]);
            if (items.Count == 0) return [new ParagraphBlock(ClauseLibrary.Undecided, clauseId, Indent: 1)];
            return items.Select((item, i) => new ParagraphBlock($"（{(i + 1).ToString(CultureInfo.InvariantCulture)}）　{item}", clauseId, Indent: 1, Hanging: true));
        }
        if (paragraph.StartsWith("@lines:", StringComparison.Ordinal))
        {
            var lines = Lines(inputs, paragraph["@lines:".Length..]);
            if (lines.Count == 0) return [new ParagraphBlock(ClauseLibrary.Undecided, clauseId)];
            return lines.Select(line => new ParagraphBlock(line, clauseId));
        }
        if (paragraph.StartsWith("@table:", StringComparison.Ordinal)) return Table(paragraph["@table:".Length..], clauseId, inputs);
        if (paragraph == "@signatures") return Signatures(clauseId, values);
        return [new ParagraphBlock(Fill(paragraph, values), clauseId)];
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidOperationException($"clause text uses an unknown value {{{{ {m.Groups[1].Value} }}}}"));

    private static Dictionary<string, string> Values(DraftInputs i) => new(StringComparer.Ordinal)
    {
        ["kou"] = XmlText.Sanitize(i.KouName),
        ["otsu"] = OrUndecided(i.OtsuName),
        ["otsu_address"] = OrUndecided(i.OtsuAddress),
        ["otsu_representative"] = OrUndecided(i.OtsuRepresentative),
        ["case_title"] = XmlText.Sanitize(i.CaseTitle),
        ["period_start"] = i.Terms.PeriodStart is { } s ? JapaneseDates.Format(s, i.DateStyle) : ClauseLibrary.Undecided,
        ["period_end"] = i.Terms.PeriodEnd is { } e ? JapaneseDates.Format(e, i.DateStyle) : ClauseLibrary.Undecided,
        ["price"] = i.Price is { } p ? $"金{JapaneseDates.Yen(p)}" : ClauseLibrary.Undecided,
        ["inspection_days"] = i.Terms.InspectionDays.ToString(CultureInfo.InvariantCulture),
        ["nonconformity_months"] = i.Terms.NonConformityMonths.ToString(CultureInfo.InvariantCulture),
        ["preset"] = SlaCategories.PresetName(i.Sla.Preset),
    };

    private static string OrUndecided(string? text) => string.IsNullOrWhiteSpace(text) ? ClauseLibrary.Undecided : XmlText.Sanitize(text.Trim());

    private static List<string> Lines(DraftInputs i, string name) => name switch
    {
        "deliverables" => Clean(i.Terms.Deliverables),
        "exclusions" => Clean(i.Sla.Exclusions),
        "special_provisions" => Clean((i.Terms.SpecialProvisions ?? "").Split('\n')),
        "penalty" => PenaltyLines(i.Sla.Penalty),
        _ => throw new InvalidOperationException($"clause text uses an unknown list {name}"),
    };

    private static List<string> Clean(IEnumerable<string> lines) =>
        lines.Select(l => XmlText.Sanitize(l).Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>The penalty article states the formula and the rounding exactly as <see cref="PenaltyCalculator"/> computes it.</summary>
    private static List<string> PenaltyLines(PenaltySettings p) => p.Kind == PenaltyKind.AnnualAchievement
        ?
        [
            "乙が年間のサービスレベルを達成できなかったときは、甲は、次の式により算定した額を違約金として乙に請求することができる。",
            "違約金 ＝ 年間支払額 × （100 － 年間SLA達成度） ÷ 100",
            "2　年間SLA達成度（％）は、目標値を達成した項目・月の数を、測定した項目・月の数で除して100を乗じた値とし、小数点以下第3位を切り捨てる。",
            "3　違約金の額に1円未満の端数があるときは、これを切り捨てる。",
        ]
        :
        [
            $"乙がサービスレベル項目の目標値を達成できなかったときは、当該月に未達成の項目ごとに{p.PointsPerMiss.ToString(CultureInfo.InvariantCulture)}ポイントを付与する。同じ項目が前月も未達成であったときは、{p.PointsPerRepeatedMiss.ToString(CultureInfo.InvariantCulture)}ポイントを付与する。",
            $"2　付与したポイントは、付与した月を含めて{p.PointExpiryMonths.ToString(CultureInfo.InvariantCulture)}か月間有効とし、その後失効する。委託料の減額によってポイントは消滅しない。",
            $"3　有効なポイントの合計が{p.ThresholdPoints.ToString(CultureInfo.InvariantCulture)}ポイント以上となった月の委託料は、その{p.FeeReductionPercent.ToString("0.##", CultureInfo.InvariantCulture)}％を減額する。減額する額に1円未満の端数があるときは、これを切り捨てる。",
        ];

    private static IEnumerable<DocBlock> Table(string name, string clauseId, DraftInputs i)
    {
        switch (name)
        {
            case "businesses":
            {
                var rows = i.TargetBusinesses.Select(BusinessCatalog.Find).OfType<Business>()
                    .Select(b => (IReadOnlyList<string>)[b.Name, b.DataStandardName + (b.Standardised ? "（デジタル庁）" : "（総務省・J-LIS）")])
                    .ToList();
                if (rows.Count == 0) return [new ParagraphBlock(ClauseLibrary.Undecided, clauseId)];
                return [new TableBlock(["対象業務", "データ提供の形式（準拠する標準）"], rows, [2, 5], clauseId)];
            }
            case "sla_items":
            {
                if (i.Sla.Items.Count == 0) return [new ParagraphBlock(ClauseLibrary.Undecided, clauseId)];
                var rows = i.Sla.Items.OrderBy(x => x.Category)
                    .Select((x, n) => (IReadOnlyList<string>)[(n + 1).ToString(CultureInfo.InvariantCulture), SlaCategories.Name(x.Category),
                        XmlText.Sanitize(x.Indicator), XmlText.Sanitize(x.Target), XmlText.Sanitize(x.Measurement), XmlText.Sanitize(x.Formula)])
                    .ToList();
                return [new TableBlock(["No.", "区分", "指標", "目標値", "測定方法", "計算式"], rows, [2, 5, 7, 7, 8, 10], clauseId)];
            }
            case "revisions":
                return [new TableBlock(["版", "日付", "内容"],
                    [[$"第{i.Version.ToString(CultureInfo.InvariantCulture)}版", JapaneseDates.Format(i.DraftDate, i.DateStyle), "案の作成"]], [2, 4, 8], clauseId)];
            default:
                throw new InvalidOperationException($"clause text uses an unknown table {name}");
        }
    }

    private static IEnumerable<DocBlock> Signatures(string clauseId, IReadOnlyDictionary<string, string> v) =>
    [
        new ParagraphBlock("令和　　年　　月　　日", clauseId, Indent: 2),
        new ParagraphBlock($"甲　{v["kou"]}", clauseId, Indent: 14),
        new ParagraphBlock("代表者　　　　　　　　　　　　　印", clauseId, Indent: 16),
        new ParagraphBlock($"乙　住所　{v["otsu_address"]}", clauseId, Indent: 14),
        new ParagraphBlock(v["otsu"], clauseId, Indent: 16),
        new ParagraphBlock($"代表者　{v["otsu_representative"]}　　　　印", clauseId, Indent: 16),
    ];

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}

/// <summary>The refusal rule: every mandatory clause present, and none of them with an undecided value.</summary>
public static class MandatoryClauses
{
    public static IReadOnlyList<string> Missing(IEnumerable<DraftDocument> documents)
    {
        var missing = new List<string>();
        foreach (var doc in documents)
        {
            foreach (var clause in ClauseLibrary.Mandatory(doc.Kind))
            {
                var blocks = doc.Blocks.Where(b => b.ClauseId == clause.Id).ToList();
                if (blocks.Count == 0)
                {
                    missing.Add($"{doc.Title}: {clause.Title}（条項がありません）");
                }
                else if (blocks.Any(Undecided))
                {
                    missing.Add($"{doc.Title}: {clause.Title}（未定の事項があります）");
                }
            }
        }
        return missing;
    }

    private static bool Undecided(DocBlock b) => b switch
    {
        ParagraphBlock p => p.Text.Contains(ClauseLibrary.Undecided, StringComparison.Ordinal),
        HeadingBlock h => h.Text.Contains(ClauseLibrary.Undecided, StringComparison.Ordinal),
        TableBlock t => t.Rows.Any(r => r.Any(c => c.Contains(ClauseLibrary.Undecided, StringComparison.Ordinal))),
        _ => false,
    };
}
