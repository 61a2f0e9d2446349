using Procurement.Features.Vendors.Files;

namespace Procurement.Features.Vendors.Proposals;

/// <summary>
/// Records a vendor's proposal as received: its files (price files flagged as the price envelope)
/// and when it arrived. A later submission by the same vendor supersedes the earlier one.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record SubmitProposalCommand(Guid CaseId, Guid? VendorId, DateTimeOffset? SubmittedAt, IReadOnlyList<UploadedFile> Files) : ICommand<Guid>, ICaseRequest;

public sealed class SubmitProposalValidator : AbstractValidator<SubmitProposalCommand>
{
    public SubmitProposalValidator(UiText t, IValidator<UploadedFile> file, TimeProvider clock)
    {
        RuleFor(c => c.VendorId).NotNull().WithMessage(t["提出した事業者を選択してください。"]);
        RuleFor(c => c.SubmittedAt).NotNull().WithMessage(t["受領日時を入力してください。"])
            .Must(at => at is null || at <= clock.GetUtcNow().AddMinutes(5)).WithMessage(t["受領日時に未来の日時は入力できません。"]);
        RuleFor(c => c.Files).NotEmpty().WithMessage(t["提案書のファイルを選択してください。"])
            .Must(f => f.Count <= 20).WithMessage(t["ファイルは1回に20件までです。"]);
        RuleForEach(c => c.Files).SetValidator(file);
    }
}

public static class SubmitProposalDecision
{
    /// <summary>Late means after the deadline instant; a proposal received exactly at the deadline is on time.</summary>
    public static bool IsLate(QaPeriod period, DateTimeOffset submittedAt) => submittedAt > period.ProposalDeadline;

    /// <param name="files">The files received with the proposal (already staged).</param>
    public static Decision Decide(CaseVendors state, SubmitProposalCommand c, Guid proposalId, IReadOnlyList<VendorFile> files, Actor by, DateTimeOffset at)
    {
        if (state.Period is not { } period) return Decision.Refuse("先に質問回答期間（公告日と提案期限）を設定してください。提出期限の判定に使います。");
        if (state.Vendor(c.VendorId!.Value) is not { } vendor) return Decision.Refuse("この案件に登録されていない事業者です。");
        var submittedAt = c.SubmittedAt!.Value;
        return Decision.Append(new ProposalSubmitted(c.CaseId, proposalId, vendor.VendorId, vendor.CompanyName, submittedAt, IsLate(period, submittedAt), files, by, at));
    }
}

public sealed class SubmitProposalHandler(CaseVendorsWriter writer, IVendorFileStore files) : ICommandHandler<SubmitProposalCommand, Guid>
{
    public async ValueTask<Guid> Handle(SubmitProposalCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        var staged = await VendorFileStaging.StageAllAsync(files, writer.Session, command.Files, cancellationToken);
        var id = Guid.NewGuid();
        try
        {
            await writer.WriteAsync(open, SubmitProposalDecision.Decide(open.State, command, id, staged, open.By, open.Now), cancellationToken);
        }
        catch
        {
            // Refused or not saved: the staged files belong to nothing.
            await files.DiscardAsync(staged.Select(f => f.FileId));
            throw;
        }
        return id;
    }
}
