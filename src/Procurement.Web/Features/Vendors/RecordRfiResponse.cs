using Procurement.Features.Vendors.Files;

namespace Procurement.Features.Vendors;

/// <summary>
/// A vendor's RFI response: one answer per RFI question (in the order the questions were set) and the
/// files the vendor sent. Recording again replaces the date and answers (the earlier ones stay in the
/// history) and adds files to those already received, so correcting an answer never drops a file.
/// </summary>
[Access(Roles.Officer, Roles.Admin)]
public sealed record RecordRfiResponseCommand(
    Guid CaseId, Guid VendorId, DateOnly? ResponseDate, IReadOnlyList<string> Answers, IReadOnlyList<UploadedFile> Files) : ICommand, ICaseRequest;

public sealed class RecordRfiResponseValidator : AbstractValidator<RecordRfiResponseCommand>
{
    public RecordRfiResponseValidator(UiText t, IValidator<UploadedFile> file, TimeProvider clock)
    {
        RuleFor(c => c.ResponseDate).NotNull().WithMessage(t["回答日を入力してください。"])
            .Must(d => d is null || d <= VendorRules.Today(clock)).WithMessage(t["回答日に未来の日付は入力できません。"]);
        RuleFor(c => c.Answers).Must(a => a.All(x => (x ?? "").Length <= 4000)).WithMessage(t["回答は1項目4000文字以内で入力してください。"]);
        RuleFor(c => c).Must(c => c.Answers.Any(a => !string.IsNullOrWhiteSpace(a)) || c.Files.Count > 0)
            .OverridePropertyName("Answers").WithMessage(t["回答を入力するか、回答ファイルを添付してください。"]);
        RuleFor(c => c.Files).Must(f => f.Count <= 10).WithMessage(t["添付ファイルは10件までです。"]);
        RuleForEach(c => c.Files).SetValidator(file);
    }
}

public static class RecordRfiResponseDecision
{
    /// <param name="received">The files received with this response; they join those already kept.</param>
    public static Decision Decide(CaseVendors state, RecordRfiResponseCommand c, IReadOnlyList<VendorFile> received, Actor by, DateTimeOffset at)
    {
        if (state.Vendor(c.VendorId) is not { } vendor) return Decision.Refuse("この案件に登録されていない事業者です。");
        if (c.Answers.Count > state.RfiQuestions.Count) return Decision.Refuse("RFIの質問項目が変更されました。画面を読み込み直してください。");
        var answers = state.RfiQuestions
            .Select((q, i) => new RfiAnswer(i + 1, q, VendorRules.Clean(i < c.Answers.Count ? c.Answers[i] : "")))
            .ToList();
        var files = (vendor.Rfi?.Files ?? []).Concat(received).ToList();
        return Decision.Append(new RfiResponseRecorded(c.CaseId, vendor.VendorId, vendor.CompanyName, c.ResponseDate!.Value, answers, files, by, at));
    }
}

public sealed class RecordRfiResponseHandler(CaseVendorsWriter writer, IVendorFileStore store) : ICommandHandler<RecordRfiResponseCommand>
{
    public async ValueTask<Unit> Handle(RecordRfiResponseCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        var staged = await VendorFileStaging.StageAllAsync(store, writer.Session, command.Files, cancellationToken);
        try
        {
            await writer.WriteAsync(open, RecordRfiResponseDecision.Decide(open.State, command, staged, open.By, open.Now), cancellationToken);
        }
        catch
        {
            // Refused or not saved: the staged files belong to nothing.
            await store.DiscardAsync(staged.Select(f => f.FileId));
            throw;
        }
        return Unit.Value;
    }
}
