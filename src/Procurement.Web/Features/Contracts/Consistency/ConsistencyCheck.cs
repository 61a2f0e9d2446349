using System.Text.RegularExpressions;
using Procurement.Features.Documents;

namespace Procurement.Features.Contracts.Consistency;

/// <summary>One rendered document as the check reads it: the text <c>DocxText.Extract</c> gives of the stored file.</summary>
public sealed record CheckedDocument(string Title, string Kind, int Version, string? Member, string Text)
{
    /// <summary>How a reader finds it: 「契約書（案） 第2版（高森町）」.</summary>
    public string Label => $"{Title} 第{Version.ToString(CultureInfo.InvariantCulture)}版" + (Member is null ? "" : $"（{Member}）");
}

/// <summary>
/// What the case's records say, independent of any document: the awarded bid (tax excluded) and vendor, 甲 as the
/// group's legal form decides it, the planned go-live and the contract period the officer entered, the SLA items the
/// officer agreed. Null where the case does not know yet (no award, no terms).
/// </summary>
public sealed record CaseRecords(
    long? AwardBid, string? Award, string? Kou, DateOnly? GoLive, DateOnly? PeriodStart, DateOnly? PeriodEnd,
    IReadOnlyList<(string Indicator, string Target)> SlaTargets)
{
    public static readonly CaseRecords None = new(null, null, null, null, null, null, []);
}

/// <summary>A fact as one document states it, with the clause (第N条 or section heading) it is stated in.</summary>
public sealed record Statement(string Document, string Clause, string Value, string Excerpt);

/// <summary>
/// One fact stated differently: <paramref name="Topic"/> names it (Japanese, document vocabulary), <paramref name="Expected"/>
/// is what the case's records say (null when the records say nothing and only documents disagree).
/// </summary>
public sealed record Contradiction(string Topic, string? Expected, IReadOnlyList<Statement> Statements);

public sealed record ConsistencyReport(IReadOnlyList<string> Documents, IReadOnlyList<Contradiction> Contradictions)
{
    public bool Clean => Contradictions.Count == 0;
}

/// <summary>
/// Compares the facts a case's documents state — read from the rendered text, so a contradiction written into a
/// template is found as surely as one in the data — with each other and with the case's records: measurement and
/// report cycles, SLA values, the contract amount, the contract period and go-live, the data provision, erasure,
/// certificate and cooperation periods, the incident report deadline, and the parties' names. Pure: the caller
/// loads the documents and the records.
/// </summary>
public static partial class ConsistencyCheck
{
    public const string MeasurementCycle = "サービスレベルの測定周期";
    public const string ReportCycle = "サービスレベルの報告周期";
    public const string ContractAmount = "契約金額";
    public const string ContractStart = "契約期間の始期";
    public const string ContractEnd = "契約期間の終期";
    public const string GoLive = "本稼働日";
    public const string DataProvision = "契約終了時のデータ提供の期限";
    public const string Erasure = "データ消去の期限";
    public const string ErasureCertificate = "消去証明書の提出期限";
    public const string Cooperation = "次期事業者への協力期間";
    public const string IncidentReport = "個人情報の漏えい等の報告期限";
    public const string Kou = "甲の名称";
    public const string Otsu = "乙の名称";
    public const string SlaValuePrefix = "SLAの目標値：";

    /// <summary>Every topic name, for the pages' translations.</summary>
    public static readonly IReadOnlyList<string> Topics =
        [MeasurementCycle, ReportCycle, ContractAmount, ContractStart, ContractEnd, GoLive, DataProvision, Erasure, ErasureCertificate, Cooperation, IncidentReport, Kou, Otsu];

    private sealed record Fact(string Topic, string Key, string Display, CheckedDocument Document, string Clause, string Line);

    public static ConsistencyReport Check(IReadOnlyList<CheckedDocument> documents, CaseRecords records)
    {
        var facts = documents.SelectMany(d => Read(d, records)).ToList();
        var expected = Expected(records);
        var found = new List<Contradiction>();
        foreach (var topic in facts.GroupBy(f => f.Topic).OrderBy(g => Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var record = expected.GetValueOrDefault(topic.Key);
            var keys = topic.Select(f => f.Key).Distinct(StringComparer.Ordinal).ToList();
            var contradicts = keys.Count > 1 || (record is not null && keys.Any(k => k != record.Value.Key));
            if (!contradicts) continue;
            found.Add(new Contradiction(topic.Key, record?.Display,
                topic.Select(f => new Statement(f.Document.Label, f.Clause, f.Display, Excerpt(f.Line))).ToList()));
        }
        return new ConsistencyReport(documents.Select(d => d.Label).ToList(), found);
    }

    private static int Order(string topic) => Topics.Contains(topic) ? Topics.ToList().IndexOf(topic) : Topics.Count;

    private static Dictionary<string, (string Key, string Display)?> Expected(CaseRecords r)
    {
        var e = new Dictionary<string, (string Key, string Display)?>(StringComparer.Ordinal);
        if (r.AwardBid is { } bid)
        {
            var total = Drafting.ContractAmounts.Compute(bid, null, null).Total;
            e[ContractAmount] = (total.ToString(CultureInfo.InvariantCulture),
                $"金{Yen(total)}（落札額{Yen(bid)}＋消費税及び地方消費税）");
        }
        if (r.Award is { Length: > 0 } vendor) e[Otsu] = (NameKey(vendor), vendor + "（落札者）");
        if (r.Kou is { Length: > 0 } kou) e[Kou] = (NameKey(kou), kou + "（グループの法的形態による）");
        if (r.GoLive is { } goLive) e[GoLive] = (Iso(goLive), JapaneseDates.Format(goLive) + "（案件の本稼働予定日）");
        if (r.PeriodStart is { } start) e[ContractStart] = (Iso(start), JapaneseDates.Format(start) + "（契約条件）");
        if (r.PeriodEnd is { } end) e[ContractEnd] = (Iso(end), JapaneseDates.Format(end) + "（契約条件）");
        foreach (var (indicator, target) in r.SlaTargets)
        {
            if (FirstNumber(target) is { } n) e[SlaValuePrefix + indicator] = (n, target + "（SLAの記録）");
        }
        return e;
    }

    private static string Yen(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture) + "円";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Names compare without spaces (全角・半角) and 株式会社's position is part of the name.</summary>
    private static string NameKey(string name) => new(name.Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static string Excerpt(string line)
    {
        var text = line.Trim();
        return text.Length <= 140 ? text : text[..139] + "…";
    }

    private static IEnumerable<Fact> Read(CheckedDocument d, CaseRecords records)
    {
        var clause = "";
        string? pendingTitle = null;
        foreach (var raw in d.Text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("［ヘッダー］", StringComparison.Ordinal)) continue;
            if (ArticleTitle().Match(line) is { Success: true } title)
            {
                pendingTitle = title.Groups[1].Value;
                continue;
            }
            if (Article().Match(line) is { Success: true } article)
            {
                clause = article.Groups[1].Value + (pendingTitle ?? "");
            }
            else if (line.StartsWith('■'))
            {
                clause = line[1..].Trim();
            }
            pendingTitle = null;
            foreach (var fact in ReadLine(d, clause.Length == 0 ? "前文" : clause, line, records)) yield return fact;
        }
    }

    private static IEnumerable<Fact> ReadLine(CheckedDocument d, string clause, string line, CaseRecords records)
    {
        Fact F(string topic, string key, string display) => new(topic, key, display, d, clause, line);

        if (line.Contains("サービスレベル", StringComparison.Ordinal))
        {
            foreach (Match m in MeasuredEvery().Matches(line))
            {
                var months = Months(m.Groups[1].Value);
                yield return F(MeasurementCycle, months, m.Groups[1].Value);
                // 「3か月ごとに測定し、その結果を甲に報告」: one cycle for both.
                if (MeasuredAndReported().IsMatch(line)) yield return F(ReportCycle, months, m.Groups[1].Value);
            }
            foreach (Match m in ReportedEvery().Matches(line)) yield return F(ReportCycle, Months(m.Groups[1].Value), m.Groups[1].Value);
            foreach (Match m in ReportBook().Matches(line)) yield return F(ReportCycle, Months(m.Groups[1].Value), m.Groups[1].Value);
        }

        // Only the documents that make the contract state its amount; the specification states a ceiling, not the amount.
        if (d.Member is null && AmountClause().Match(line) is { Success: true } amount)
        {
            var value = long.Parse(amount.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            yield return F(ContractAmount, value.ToString(CultureInfo.InvariantCulture), $"金{amount.Groups[1].Value}円");
        }

        if (ContractPeriod().Match(line) is { Success: true } period)
        {
            if (ParseDate(period.Groups[1].Value) is { } s) yield return F(ContractStart, Iso(s), period.Groups[1].Value);
            if (ParseDate(period.Groups[2].Value) is { } e) yield return F(ContractEnd, Iso(e), period.Groups[2].Value);
        }
        else if (SpecPeriod().Match(line) is { Success: true } spec && ParseDate(spec.Groups[1].Value) is { } specEnd)
        {
            yield return F(ContractEnd, Iso(specEnd), spec.Groups[1].Value);
        }
        foreach (Match m in GoLiveDate().Matches(line).Concat(GoLiveRow().Matches(line)))
        {
            if (ParseDate(m.Groups[1].Value) is { } g) yield return F(GoLive, Iso(g), m.Groups[1].Value);
        }

        foreach (var (topic, pattern, unit) in Periods)
        {
            foreach (Match m in pattern.Matches(line)) yield return F(topic, m.Groups[1].Value, m.Groups[1].Value + unit);
        }

        if (KouName().Match(line) is { Success: true } kou && d.Member is null) yield return F(Kou, NameKey(kou.Groups[1].Value), kou.Groups[1].Value);
        if (OtsuName().Match(line) is { Success: true } otsu) yield return F(Otsu, NameKey(otsu.Groups[1].Value), otsu.Groups[1].Value);

        foreach (var (indicator, _) in records.SlaTargets)
        {
            var at = line.IndexOf(indicator, StringComparison.Ordinal);
            if (at < 0) continue;
            // A stated value follows the indicator (a table cell, 「稼働率は99.9％以上」); a mention without one states nothing.
            var after = line[(at + indicator.Length)..].TrimStart(' ', '|', '　', 'は', '：', ':');
            if (after.Length == 0 || !char.IsAsciiDigit(after[0]) || FirstNumber(after) is not { } n) continue;
            var cell = after.Split('|')[0].Trim();
            yield return F(SlaValuePrefix + indicator, n, cell.Length > 30 ? cell[..30] : cell);
        }
    }

    private static readonly (string Topic, Regex Pattern, string Unit)[] Periods =
    [
        (DataProvision, new Regex("契約終了日の([0-9]+)か月前まで", RegexOptions.CultureInvariant), "か月前まで"),
        (Erasure, new Regex("(?:確認した日から|引継ぎ確認後)([0-9]+)日以内", RegexOptions.CultureInvariant), "日以内"),
        (ErasureCertificate, new Regex("消去の日から([0-9]+)日以内", RegexOptions.CultureInvariant), "日以内"),
        (Cooperation, new Regex("契約終了後([0-9]+)か月間", RegexOptions.CultureInvariant), "か月間"),
        (IncidentReport, new Regex("知った時から([0-9]+)時間以内", RegexOptions.CultureInvariant), "時間以内"),
    ];

    private static string Months(string cycle) => cycle switch
    {
        "毎月" => "1",
        "四半期ごと" => "3",
        "毎年" or "毎年度" => "12",
        "半期ごと" => "6",
        _ => Regex.Match(cycle, "[0-9]+", RegexOptions.CultureInvariant).Value,
    };

    private static string? FirstNumber(string text) => Regex.Match(text, @"[0-9]+(?:\.[0-9]+)?", RegexOptions.CultureInvariant) is { Success: true } m ? m.Value : null;

    /// <summary>令和N年（西暦）M月D日, 令和元年…, or 2027年7月1日.</summary>
    public static DateOnly? ParseDate(string text)
    {
        var m = WarekiDate().Match(text);
        if (m.Success)
        {
            var year = (m.Groups[1].Value == "元" ? 1 : int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) + 2018;
            return Safe(year, m.Groups[2].Value, m.Groups[3].Value);
        }
        m = SeirekiDate().Match(text);
        return m.Success ? Safe(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value, m.Groups[3].Value) : null;
    }

    private static DateOnly? Safe(int year, string month, string day)
    {
        var (mo, d) = (int.Parse(month, CultureInfo.InvariantCulture), int.Parse(day, CultureInfo.InvariantCulture));
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year, mo) ? new DateOnly(year, mo, d) : null;
    }

    private const string Cycle = "(毎月|毎年度|毎年|四半期ごと|半期ごと|[0-9]+か月ごと)";
    private const string Date = "((?:令和(?:元|[0-9]+)年(?:（[0-9]{4}年）)?|[0-9]{4}年)[0-9]+月[0-9]+日)";

    // A caption is a heading-styled paragraph, which the text export marks with ■.
    [GeneratedRegex("^■?(（[^）]{1,40}）)$")] private static partial Regex ArticleTitle();
    [GeneratedRegex("^(第[0-9]+条)　")] private static partial Regex Article();
    [GeneratedRegex(Cycle + "に?測定")] private static partial Regex MeasuredEvery();
    [GeneratedRegex(Cycle + "に?(?:甲|発注者)?に?(?:報告|提出)")] private static partial Regex ReportedEvery();
    [GeneratedRegex("サービスレベル(?:評価)?報告書（" + Cycle + "）")] private static partial Regex ReportBook();
    [GeneratedRegex("契約金額は、金([0-9,]+)円")] private static partial Regex AmountClause();
    [GeneratedRegex("契約の期間は、" + Date + "から" + Date + "まで")] private static partial Regex ContractPeriod();
    [GeneratedRegex("^契約締結日から" + Date + "まで")] private static partial Regex SpecPeriod();
    [GeneratedRegex("本稼働日は" + Date)] private static partial Regex GoLiveDate();
    /// <summary>A schedule table's row: 「| 本稼働 | 令和10年4月1日 |」.</summary>
    [GeneratedRegex(@"^\| (?:本稼働|運用開始)日? \| " + Date)] private static partial Regex GoLiveRow();
    [GeneratedRegex("^(.+?)（以下「甲」という。）")] private static partial Regex KouName();
    [GeneratedRegex("（以下「甲」という。）と(.+?)（以下「乙」という。）")] private static partial Regex OtsuName();
    [GeneratedRegex("測定し、(?:その結果を)?(?:甲|発注者)に報告")] private static partial Regex MeasuredAndReported();
    [GeneratedRegex("令和(元|[0-9]+)年(?:（[0-9]{4}年）)?([0-9]+)月([0-9]+)日")] private static partial Regex WarekiDate();
    [GeneratedRegex("([0-9]{4})年([0-9]+)月([0-9]+)日")] private static partial Regex SeirekiDate();
}
