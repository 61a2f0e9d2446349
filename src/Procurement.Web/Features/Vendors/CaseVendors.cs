using Marten.Events.Aggregation;

namespace Procurement.Features.Vendors;

/// <summary>
/// What vendors sent for one case (id = case id): the vendors, their RFI responses and estimates,
/// the question-and-answer log and proposals. Built from the case stream. (The 予定価格 is the evaluation's record:
/// <see cref="Estimates.GetReservePrice"/>.)
/// </summary>
public sealed class CaseVendors
{
    public Guid Id { get; set; }
    public List<string> RfiQuestions { get; set; } = [];
    public List<CaseVendor> Vendors { get; set; } = [];
    public QaPeriod? Period { get; set; }
    public List<VendorQuestion> Questions { get; set; } = [];
    public List<Proposal> Proposals { get; set; } = [];
    public long Version { get; set; }

    public CaseVendor? Vendor(Guid vendorId) => Vendors.Find(v => v.VendorId == vendorId);

    /// <summary>Each vendor's latest submission; earlier ones stay in <see cref="Proposals"/> as history.</summary>
    public IEnumerable<Proposal> CurrentProposals => Proposals.Where(p => !p.Superseded);

    public VendorFile? FindFile(Guid fileId, out Guid vendorId)
    {
        foreach (var v in Vendors)
        {
            if (v.Rfi?.Files.Find(f => f.FileId == fileId) is { } rfiFile) { vendorId = v.VendorId; return rfiFile; }
        }
        foreach (var p in Proposals)
        {
            if (p.Files.Find(f => f.FileId == fileId) is { } file) { vendorId = p.VendorId; return file; }
        }
        vendorId = Guid.Empty;
        return null;
    }
}

public sealed class CaseVendor
{
    public Guid VendorId { get; set; }
    public string CompanyName { get; set; } = "";
    public string CorporateNumber { get; set; } = "";
    public string Address { get; set; } = "";
    public string ContactPerson { get; set; } = "";
    public string Email { get; set; } = "";
    public bool RfiSent { get; set; }
    public bool TookPart { get; set; }
    public RfiResponse? Rfi { get; set; }
    public Estimate? Estimate { get; set; }
}

public sealed class RfiResponse
{
    public DateOnly ResponseDate { get; set; }
    public List<RfiAnswer> Answers { get; set; } = [];
    public List<VendorFile> Files { get; set; } = [];
}

public sealed class Estimate
{
    public DateOnly ResponseDate { get; set; }
    public long InitialCost { get; set; }
    public long MonthlyOperatingCost { get; set; }
    public int ContractMonths { get; set; }
    public long OperatingCostForTerm { get; set; }
    public long Total => InitialCost + OperatingCostForTerm;
}

public sealed class QaPeriod
{
    public DateOnly AnnouncedOn { get; set; }
    public DateTimeOffset ProposalDeadline { get; set; }
}

public sealed class VendorQuestion
{
    public Guid QuestionId { get; set; }
    public int Number { get; set; }
    public Guid VendorId { get; set; }
    public string CompanyName { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public string Text { get; set; } = "";
    public bool AfterPeriod { get; set; }
    public string? Answer { get; set; }
    public bool ChangesConditions { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

public sealed class Proposal
{
    public Guid ProposalId { get; set; }
    public Guid VendorId { get; set; }
    public string CompanyName { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public bool Late { get; set; }
    public string? LateReason { get; set; }
    public List<VendorFile> Files { get; set; } = [];
    public bool Superseded { get; set; }
    public bool NeedsReconfirmation { get; set; }
    public DateOnly? ReconfirmedOn { get; set; }

    /// <summary>A late proposal takes part only once the officer has recorded why it is admitted.</summary>
    public bool Excluded => Late && LateReason is null;
}

public sealed class CaseVendorsProjection : SingleStreamProjection<CaseVendors, Guid>
{
    // The case stream starts with CaseOpened, which this view ignores: Marten creates the document
    // with the default constructor on the first vendor event.

    public static void Apply(VendorAddedToCase e, CaseVendors view) => view.Vendors.Add(new CaseVendor
    {
        VendorId = e.VendorId,
        CompanyName = e.CompanyName,
        CorporateNumber = e.CorporateNumber,
        Address = e.Address,
        ContactPerson = e.ContactPerson,
        Email = e.Email,
    });

    public static void Apply(VendorParticipationMarked e, CaseVendors view)
    {
        if (view.Vendor(e.VendorId) is not { } v) return;
        v.RfiSent = e.RfiSent;
        v.TookPart = e.TookPart;
    }

    public static void Apply(RfiQuestionsDefined e, CaseVendors view) => view.RfiQuestions = [.. e.Questions];

    public static void Apply(RfiResponseRecorded e, CaseVendors view)
    {
        if (view.Vendor(e.VendorId) is not { } v) return;
        v.Rfi = new RfiResponse { ResponseDate = e.ResponseDate, Answers = [.. e.Answers], Files = [.. e.Files] };
        v.TookPart = true;
    }

    public static void Apply(EstimateRecorded e, CaseVendors view)
    {
        if (view.Vendor(e.VendorId) is not { } v) return;
        v.Estimate = new Estimate
        {
            ResponseDate = e.ResponseDate,
            InitialCost = e.InitialCost,
            MonthlyOperatingCost = e.MonthlyOperatingCost,
            ContractMonths = e.ContractMonths,
            OperatingCostForTerm = e.OperatingCostForTerm,
        };
        v.TookPart = true;
    }

    public static void Apply(QaPeriodSet e, CaseVendors view) => view.Period = new QaPeriod { AnnouncedOn = e.AnnouncedOn, ProposalDeadline = e.ProposalDeadline };

    public static void Apply(QuestionLogged e, CaseVendors view) => view.Questions.Add(new VendorQuestion
    {
        QuestionId = e.QuestionId,
        Number = e.Number,
        VendorId = e.VendorId,
        CompanyName = e.CompanyName,
        ReceivedOn = e.ReceivedOn,
        Text = e.Text,
        AfterPeriod = e.AfterPeriod,
    });

    public static void Apply(AnswerPublished e, CaseVendors view)
    {
        if (view.Questions.Find(q => q.QuestionId == e.QuestionId) is not { } q) return;
        q.Answer = e.Answer;
        q.ChangesConditions = e.ChangesConditions;
        q.PublishedAt = e.At;
        foreach (var p in view.CurrentProposals.Where(p => e.VendorsToReconfirm.Contains(p.VendorId)))
        {
            p.NeedsReconfirmation = true;
            p.ReconfirmedOn = null;
        }
    }

    public static void Apply(ProposalSubmitted e, CaseVendors view)
    {
        foreach (var earlier in view.Proposals.Where(p => p.VendorId == e.VendorId)) earlier.Superseded = true;
        view.Proposals.Add(new Proposal
        {
            ProposalId = e.ProposalId,
            VendorId = e.VendorId,
            CompanyName = e.CompanyName,
            SubmittedAt = e.SubmittedAt,
            Late = e.Late,
            Files = [.. e.Files],
        });
        if (view.Vendor(e.VendorId) is { } v) v.TookPart = true;
    }

    public static void Apply(LateProposalAdmitted e, CaseVendors view)
    {
        if (view.Proposals.Find(p => p.ProposalId == e.ProposalId) is { } p) p.LateReason = e.Reason;
    }

    public static void Apply(ProposalReconfirmed e, CaseVendors view)
    {
        if (view.Proposals.Find(p => p.ProposalId == e.ProposalId) is not { } p) return;
        p.NeedsReconfirmation = false;
        p.ReconfirmedOn = e.ConfirmedOn;
    }
}
