using System.Text;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Groups;
using Procurement.Features.Sla;
using DocSlaItem = Procurement.Features.Documents.SlaItem;

namespace Procurement.Features.Contracts.Drafting;

/// <summary>One clause as legal staff review it: the heading they see (第N条（…）, or the clause title) and its text.</summary>
public sealed record DraftClause(string ClauseId, string Heading, string Text);

/// <summary>A draft rendered by the Documents engine, with what the dossier stores of it; <paramref name="Member"/> names the member of a 各団体契約 contract.</summary>
public sealed record RenderedDraft(DraftDocumentKind Kind, RenderedDocument Document, IReadOnlyList<DraftClause> Clauses, string Text, string? Member = null)
{
    public string Title => DraftKinds.Title(Kind);
}

/// <summary>
/// The dossier's <see cref="DraftInputs"/> as the Documents model: the contract terms, the SLA and 乙 (award or the
/// officer's provisional entry) fill the sections the contract, sla and privacy-clauses templates read.
/// </summary>
public static class DraftModel
{
    public static DocumentModel Build(DraftInputs inputs, CaseSummary @case, GroupView group)
    {
        var terms = inputs.Terms;
        var document = new DocumentInfo { Edition = inputs.Version, Date = DocumentModel.Iso(inputs.DraftDate), Draft = true };
        // The date style frozen into the inputs, not the group's current one: a submitted version must re-render identically.
        var model = DocumentModel.FromCase(@case, group, document, new Settings { DateStyle = inputs.DateStyle }, new DocumentSections
        {
            Award = string.IsNullOrWhiteSpace(inputs.OtsuName)
                ? null
                : new Vendor(inputs.OtsuName.Trim(), Blank(inputs.OtsuAddress), Blank(inputs.OtsuRepresentative)),
            Contract = Contract(inputs),
            Sla = Sla(inputs.Sla),
        });
        // The frozen inputs win over the live case where both say the same thing: a version shows what was submitted.
        return model with
        {
            Group = model.Group with { Name = inputs.GroupName, Representative = inputs.Representative },
            Procurement = model.Procurement with
            {
                Title = inputs.CaseTitle,
                ContractStart = DocumentModel.Iso(terms.PeriodStart),
                ContractEnd = DocumentModel.Iso(terms.PeriodEnd),
                TargetBusinesses = inputs.TargetBusinesses.Select(TargetBusiness.From).ToList(),
            },
        };
    }

    /// <summary>
    /// The contract's amounts from the tax-exclusive bid: tax, total and the amount per fiscal year. When each member signs
    /// its own contract, the bid is split by the members' weights and each member's contract carries its own tax and years.
    /// </summary>
    private static ContractInfo Contract(DraftInputs inputs)
    {
        var terms = inputs.Terms;
        var info = new ContractInfo(inputs.Price, DocumentModel.Iso(terms.PeriodStart), DocumentModel.Iso(terms.PeriodEnd))
        {
            Kou = string.IsNullOrWhiteSpace(inputs.KouName) ? null : inputs.KouName,
            KouSigner = inputs.KouSigner,
            Deliverables = Lines(terms.Deliverables),
            InspectionDays = terms.InspectionDays,
            NonconformityMonths = terms.NonConformityMonths,
            SpecialProvisions = Lines((terms.SpecialProvisions ?? "").Split('\n')),
        };
        if (inputs.Price is not { } bid) return info;
        return inputs.Members is { Count: > 0 } members
            ? ForMembers(info, bid, terms.PeriodStart, terms.PeriodEnd, members)
            : ContractAmounts.Describe(info, ContractAmounts.Compute(bid, terms.PeriodStart, terms.PeriodEnd));
    }

    /// <summary>各団体契約: the bid split by the members' weights, one contract per member with its own 甲, tax and years.</summary>
    public static ContractInfo ForMembers(ContractInfo info, long bid, DateOnly? start, DateOnly? end, IReadOnlyList<MemberWeight> members)
    {
        var parts = ContractAmounts.Split(bid, members.Select(m => m.Weight).ToList());
        var amounts = parts.Select(p => ContractAmounts.Compute(p, start, end)).ToList();
        var groupTotal = amounts.Sum(a => a.Total);
        var weightTotal = members.Sum(m => m.Weight);
        var memberContracts = members.Select((m, i) => ContractAmounts.Describe(info with
        {
            Kou = m.Name,
            KouSigner = m.Signer,
            GroupAmount = groupTotal,
            Member = new MemberShareInfo(m.Name, "住民基本台帳人口の比", Percent(m.Weight, weightTotal)),
        }, amounts[i])).ToList();
        // The group-level record keeps the whole (for the 特記事項, which every member's contract shares).
        var names = members.Select(m => m.Name).ToList();
        var all = names.Count == 1 ? names[0] : string.Join("、", names.Take(names.Count - 1)) + "及び" + names[^1];
        return ContractAmounts.Describe(info, ContractAmounts.Compute(bid, start, end)) with { MemberContracts = memberContracts, Kou = all, KouSigner = null };
    }

    private static string Percent(long part, long whole) =>
        whole <= 0 ? "" : (Math.Floor(part * 10000m / whole) / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static SlaInfo Sla(SlaDefinition sla)
    {
        var p = sla.Penalty;
        var exclusions = Lines(sla.Exclusions);
        return new SlaInfo(
            sla.Items.OrderBy(x => x.Category).Select(x => new DocSlaItem(SlaCategories.Name(x.Category), x.Indicator, x.Target, x.Measurement, Blank(x.Formula))
            {
                Agreed = x.AgreedText, Weight = Math.Max(1, x.Weight),
            }).ToList(),
            SlaCategories.PenaltyName(p.Kind),
            exclusions.Count == 0 ? null : string.Join("、", exclusions))
        {
            Preset = SlaCategories.PresetName(sla.Preset),
            Exclusions = exclusions,
            Penalty = new SlaPenaltyInfo(p.Kind == PenaltyKind.AnnualAchievement ? "annual_achievement" : "penalty_points",
                p.PointsPerMiss, p.PointsPerRepeatedMiss, p.ThresholdPoints, p.FeeReductionPercent, p.PointExpiryMonths)
            {
                CapPercent = p.CapPercent, LiquidatedDamages = p.LiquidatedDamages,
            },
            ServiceHours = SlaOperation.SlaCalendarText.Describe(sla.Calendar),
            ReportCycle = sla.ReportCycleMonths == 1 ? "1か月" : "3か月",
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> Lines(IEnumerable<string> lines) => lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}

/// <summary>
/// Renders the three drafts with the Documents engine (document-templates/contract, sla, privacy-clauses) and cuts
/// each into the clauses legal staff comment on, using the same clause markers the mandatory check reads.
/// </summary>
public sealed class DraftRenderer(DocumentRenderer renderer)
{
    private static readonly UiText T = new();

    public ClauseLibrary Clauses => renderer.Catalog.Clauses;

    public IReadOnlyList<RenderedDraft> RenderAll(DocumentModel model, IReadOnlyDictionary<string, ClauseSetting>? clauseSettings = null) =>
        RenderAll(model, _ => clauseSettings);

    /// <summary>
    /// <paramref name="settingsFor"/> gives the clause settings an officer saved for a document kind on the clause
    /// page, so the drafts legal staff review are the same documents the case's documents page generates.
    /// </summary>
    public IReadOnlyList<RenderedDraft> RenderAll(DocumentModel model, Func<string, IReadOnlyDictionary<string, ClauseSetting>?> settingsFor) =>
        DraftKinds.All.SelectMany(kind =>
        {
            var templateId = DraftKinds.TemplateId(kind);
            var settings = settingsFor(renderer.Catalog.Get(templateId).Kind);
            // 各団体契約: each member signs its own contract and its own SLA (甲 is that member, one copy each party);
            // the 特記事項 names no 甲 and is the same text for all of them.
            var models = kind is DraftDocumentKind.Contract or DraftDocumentKind.Sla && model.Contract?.MemberContracts is { Count: > 0 } members
                ? members.Select(m => (m.Member?.Name, model with { Contract = m })).ToList()
                : [(null, model)];
            return models.Select(m =>
            {
                var doc = renderer.Render(templateId, m.Item2, settings);
                return new RenderedDraft(kind, doc, DraftClauses.From(doc.Blocks, Clauses), DiffText(doc.Bytes), m.Item1);
            });
        }).ToList();

    /// <summary>
    /// The refusal rule: every mandatory clause of the kind (clause-rules.json) is present, and none of them still says
    /// 未確定 — a contract cannot go to legal review without 乙, the price or the period.
    /// </summary>
    public IReadOnlyList<string> Missing(IEnumerable<RenderedDraft> drafts)
    {
        var missing = new List<string>();
        foreach (var draft in drafts)
        {
            var texts = ClauseLibrary.ClauseTexts(draft.Document.Blocks);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var problem in draft.Document.MissingClauses)
            {
                reported.Add(problem.ClauseId);
                missing.Add(texts.TryGetValue(problem.ClauseId, out var text) && text.Trim().Length > 0
                    ? $"{T[draft.Title]}: {problem.Message}"
                    : T.Format("{0}: {1}（条項がありません）", T[draft.Title], Title(problem.ClauseId)));
            }
            var template = renderer.Catalog.Get(DraftKinds.TemplateId(draft.Kind));
            foreach (var id in Clauses.RequiredFor(template.Kind, template.Metadata.RequiredClauses))
            {
                if (reported.Contains(id) || !texts.TryGetValue(id, out var text)) continue;
                if (text.Contains(TemplateSandbox.Undecided, StringComparison.Ordinal)) missing.Add(T.Format("{0}: {1}（未定の事項があります）", T[draft.Title], Title(id)));
            }
            // A working draft (inputs missing anywhere in it, not only in a clause) is never reviewed or approved.
            foreach (var gap in draft.Document.Gaps) missing.Add(T.Format("{0}: {1}（未入力）", T[draft.Title], T[gap.Label]));
        }
        return missing;
    }

    private string Title(string clauseId) => Clauses.Find(clauseId)?.DisplayTitle ?? clauseId;

    /// <summary>
    /// What the version diff compares: the document's text as Word shows it (article and item numbers included),
    /// without the page header, whose 版数 differs between any two versions by definition.
    /// </summary>
    public static string DiffText(byte[] docx) =>
        string.Concat(DocxText.Extract(docx).Split('\n').Where(l => l.Length > 0 && !l.StartsWith("［ヘッダー］", StringComparison.Ordinal)).Select(l => l + "\n"));
}

/// <summary>
/// Cuts rendered blocks into clauses (text between <c>.clause id</c> and <c>.endclause</c>) with the numbers Word prints:
/// articles count through the whole document (第N条), 項 from 2, 号 (1), ア, (ア) — the numbering of
/// <see cref="DocxWriter"/>'s article list.
/// </summary>
public static class DraftClauses
{
    private const string Aiueo = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";

    public static IReadOnlyList<DraftClause> From(IReadOnlyList<Block> blocks, ClauseLibrary library)
    {
        var order = new List<string>();
        var headings = new Dictionary<string, string>(StringComparer.Ordinal);
        var texts = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        var open = new List<string>();
        var article = 0;
        var paragraph = 1;
        var items = new int[4];

        foreach (var block in blocks)
        {
            switch (block)
            {
                case ClauseStartBlock s:
                    open.Add(s.ClauseId);
                    if (!texts.ContainsKey(s.ClauseId))
                    {
                        order.Add(s.ClauseId);
                        texts[s.ClauseId] = new StringBuilder();
                    }
                    continue;
                case ClauseEndBlock e:
                    open.Remove(e.ClauseId);
                    continue;
                case ArticleBlock:
                    article++;
                    paragraph = 1;
                    Array.Clear(items);
                    break;
                case ArticleParagraphBlock:
                    paragraph++;
                    Array.Clear(items);
                    break;
                case ArticleItemBlock i:
                    var level = Math.Clamp(i.Level, 1, items.Length) - 1;
                    items[level]++;
                    for (var d = level + 1; d < items.Length; d++) items[d] = 0;
                    break;
            }
            if (open.Count == 0) continue;
            var id = open[^1];
            if (!headings.ContainsKey(id))
            {
                if (block is ArticleBlock first) headings[id] = $"第{Number(article)}条{Caption(first.Caption)}";
                else if (block is PlainHeadingBlock h) { headings[id] = h.Text; continue; }
            }
            var line = block switch
            {
                ArticleBlock a => a.Text,
                ArticleParagraphBlock p => $"{Number(paragraph)}　{p.Text}",
                ArticleItemBlock i => new string('　', Math.Clamp(i.Level, 1, items.Length) - 1) + ItemLabel(i.Level, items) + "　" + i.Text,
                ParagraphBlock p => p.Text,
                ItemBlock i => i.Text,
                HeadingBlock h => h.Text,
                PlainHeadingBlock h => h.Text,
                TableBlock t => string.Join("\n", t.Rows.Select(r => string.Join(" | ", r.Cells))),
                _ => null,
            };
            if (line is null || line.Length == 0) continue;
            texts[id].Append(line.Replace(TextSafety.LineBreak, '\n')).Append('\n');
        }
        return order.Select(id => new DraftClause(id, headings.GetValueOrDefault(id) ?? library.Find(id)?.Title ?? id, texts[id].ToString().TrimEnd('\n'))).ToList();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Caption(string caption) => caption.Length == 0 || caption.StartsWith('（') ? caption : $"（{caption}）";

    private static string ItemLabel(int level, int[] counters)
    {
        var index = Math.Clamp(level, 1, counters.Length) - 1;
        var n = counters[index];
        var kana = n >= 1 && n <= Aiueo.Length ? Aiueo[n - 1].ToString() : Number(n);
        return index switch
        {
            0 => $"({Number(n)})",
            1 => kana,
            _ => $"({kana})",
        };
    }
}
