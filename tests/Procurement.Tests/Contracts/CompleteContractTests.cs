using Procurement.Features.Cases;
using Procurement.Features.Contracts;
using Procurement.Features.Contracts.Drafting;
using Procurement.Features.Documents.Rendering;
using Procurement.Features.Groups;
using Procurement.Features.Sla;
using Procurement.Tests.Documents;

namespace Procurement.Tests.Contracts;

/// <summary>The contract as a legal office signs it: every standard article, 甲 by the group's form, bid plus tax per year.</summary>
public sealed class CompleteContractTests
{
    private static readonly DraftRenderer Drafts = new(DocumentTestSupport.Renderer);

    private static readonly CaseSummary Case = new()
    {
        Id = Guid.NewGuid(), Title = "住民情報系システム共同利用（自治体クラウド）調達", TargetBusinesses = ["jukiki", "shutai"],
        PlannedGoLive = new DateOnly(2028, 4, 1), BudgetCeiling = 480_000_000,
    };

    private static GroupView Group(OrganisationForm form) => new()
    {
        Name = "南信州町村自治体クラウド協議会", Form = form, Representative = "高森町",
        Members = [new("高森町", 12716, new DateOnly(2025, 9, 30)), new("松川町", 12476, new DateOnly(2025, 9, 30)), new("豊丘村", 6338, new DateOnly(2025, 9, 30))],
    };

    private static DraftInputs Inputs(GroupView group, long bid = 415_000_000)
    {
        var terms = ContractTermsParsing.Defaults with { PeriodStart = new DateOnly(2027, 7, 1), PeriodEnd = new DateOnly(2033, 3, 31), Price = bid, OtsuName = "信州情報システム株式会社", OtsuAddress = "長野県長野市大字南長野1000番地", OtsuRepresentative = "代表取締役　長野 一郎" };
        var dossier = new ContractDossier { Terms = terms, Sla = SlaPresets.Create(SlaPreset.CoreBusiness) };
        return DraftInputsFactory.Build(Case, group, dossier, null, 1, new DateOnly(2026, 11, 26));
    }

    private static IReadOnlyList<RenderedDraft> Render(GroupView group) => Drafts.RenderAll(DraftModel.Build(Inputs(group), Case, group));

    [Fact]
    public void The_amount_is_the_bid_plus_tax_and_the_fiscal_years_add_up_to_it()
    {
        var amount = ContractAmounts.Compute(415_000_000, new DateOnly(2027, 7, 1), new DateOnly(2033, 3, 31));

        Assert.Equal(41_500_000, amount.Tax);
        Assert.Equal(456_500_000, amount.Total);
        Assert.Equal(amount.Total, amount.Years.Sum(y => y.Amount));
        Assert.Equal([2027, 2028, 2029, 2030, 2031, 2032], amount.Years.Select(y => y.FiscalYear));
        Assert.Equal(9, amount.Years[0].Months);
        Assert.Equal(69, amount.Years.Sum(y => y.Months));
    }

    [Fact]
    public void The_contract_states_the_tax_and_each_fiscal_year_and_the_representative_signs_for_a_council()
    {
        var contract = Render(Group(OrganisationForm.Council)).Single(d => d.Kind == DraftDocumentKind.Contract).Text;

        Assert.Contains("金456,500,000円（うち取引に係る消費税及び地方消費税の額41,500,000円）", contract, StringComparison.Ordinal);
        Assert.Contains("79,391,304円", contract, StringComparison.Ordinal);
        Assert.Contains("高森町（以下「甲」という。）", contract, StringComparison.Ordinal);
        Assert.DoesNotContain("協議会（以下「甲」という。）", contract, StringComparison.Ordinal);
        Assert.Contains("構成団体を代表してこの契約を締結する", contract, StringComparison.Ordinal);
        Assert.Contains("高森町長", contract, StringComparison.Ordinal);
        Assert.Contains("地方自治法第214条", contract, StringComparison.Ordinal);
        Assert.Contains("減額又は削除", contract, StringComparison.Ordinal);
        Assert.Contains("10分の2", contract, StringComparison.Ordinal);
        Assert.Contains("契約保証金は、高森町の契約に関する規則の定めるところにより、免除する。", contract, StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_signs_itself()
    {
        var contract = Render(Group(OrganisationForm.PartialAffairsUnion)).Single(d => d.Kind == DraftDocumentKind.Contract).Text;

        Assert.Contains("南信州町村自治体クラウド協議会（以下「甲」という。）", contract, StringComparison.Ordinal);
        Assert.Contains("管理者", contract, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_member_signs_its_own_contract_for_its_share_and_the_shares_add_up()
    {
        var group = Group(OrganisationForm.EachMemberContracts);
        var drafts = Render(group);
        var contracts = drafts.Where(d => d.Kind == DraftDocumentKind.Contract).ToList();

        Assert.Equal(["高森町", "松川町", "豊丘村"], contracts.Select(c => c.Member));
        // Each member also signs its own SLA, whose 甲 is that member.
        var slas = drafts.Where(d => d.Kind == DraftDocumentKind.Sla).ToList();
        Assert.Equal(["高森町", "松川町", "豊丘村"], slas.Select(s => s.Member));
        Assert.All(slas, s => Assert.Contains($"{s.Member}（以下「甲」という。）", s.Text, StringComparison.Ordinal));
        Assert.Single(drafts, d => d.Kind == DraftDocumentKind.PersonalInfo);
        Assert.Empty(Drafts.Missing(drafts));
        var model = DraftModel.Build(Inputs(group), Case, group);
        var members = model.Contract!.MemberContracts!;
        Assert.Equal(415_000_000, members.Sum(m => m.AmountExcludingTax!.Value));
        foreach (var (m, c) in members.Zip(contracts))
        {
            Assert.Equal(m.AmountExcludingTax!.Value * 10 / 100, m.Tax);
            Assert.Equal(m.Amount, m.FiscalYears!.Sum(y => y.Amount));
            Assert.Contains($"{m.Kou}（以下「甲」という。）", c.Text, StringComparison.Ordinal);
            Assert.Contains($"{m.Kou}長", c.Text, StringComparison.Ordinal);
            Assert.Contains("同一の条件による契約を締結する", c.Text, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> StandardArticles => new()
    {
        "contract_price", "payment", "contract_guarantee", "budget", "assignment", "subcontracting_approval", "confidentiality", "personal_information",
        "supervision", "inspection", "late_performance", "nonconformity", "termination", "antisocial_forces", "collusion_damages", "damages",
        "force_majeure", "amendment", "jurisdiction", "consultation",
    };

    [Theory]
    [MemberData(nameof(StandardArticles))]
    public void The_contract_is_refused_when_a_standard_article_is_missing(string clauseId)
    {
        Assert.Contains(clauseId, DocumentTestSupport.Catalog.Clauses.RequiredFor("contract"));
        var source = File.ReadAllText(DocumentTestSupport.Catalog.Get("contract").SamplePath.Replace("sample.json", "document.sbn", StringComparison.Ordinal));
        var without = RemoveClause(source, clauseId);
        Assert.NotEqual(source, without);
        var catalog = DocumentTestSupport.CatalogWith(("contract-without", "contract", without));

        var doc = new DocumentRenderer(catalog).RenderJson("contract-without", DocumentTestSupport.Sample("contract"));

        Assert.Contains(clauseId, doc.MissingClauses.Select(p => p.ClauseId));
    }

    /// <summary>Removes the clause's block (or its include line, for the shared clauses).</summary>
    private static string RemoveClause(string template, string id)
    {
        var include = $"{{{{ include '_shared/clauses/{id}' }}}}";
        if (template.Contains(include, StringComparison.Ordinal)) return template.Replace(include, "", StringComparison.Ordinal);
        var start = template.IndexOf($".clause {id}\n", StringComparison.Ordinal);
        var end = template.IndexOf(".endclause", start, StringComparison.Ordinal) + ".endclause".Length;
        return template[..start] + template[end..];
    }

    [Fact]
    public void A_sent_back_version_is_resubmitted_unchanged_only_with_a_note()
    {
        var dossier = new ContractDossier
        {
            WorkingVersion = 2, Status = DraftStatus.SentBack, Terms = ContractTermsParsing.Defaults, Sla = SlaPresets.Create(SlaPreset.CoreBusiness),
            Versions = [new SubmittedVersion { Number = 2, Status = DraftStatus.SentBack }],
        };

        Assert.Equal("差し戻された版を変更せずに再提出するときは、審査担当への連絡に理由を記入してください。", SubmitDraftDecision.CheckSubmittable(dossier, null).Refusal);
        Assert.False(SubmitDraftDecision.CheckSubmittable(dossier, "法務の指摘は契約書の範囲外のため変更なし").IsRefused);
        Assert.Equal(3, SubmitDraftDecision.VersionFor(dossier));
    }
}
