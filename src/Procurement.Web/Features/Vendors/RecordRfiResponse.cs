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

public sealed class RecordRfiResponseHandler(CaseVendorsWriter writer, IVendorFileStore store, UiText t) : ICommandHandler<RecordRfiResponseCommand>
{
    public async ValueTask<Unit> Handle(RecordRfiResponseCommand command, CancellationToken cancellationToken)
    {
        var open = await writer.OpenAsync(command.CaseId, cancellationToken);
        var vendor = writer.RequireVendor(open.State, command.VendorId);
        if (command.Answers.Count > open.State.RfiQuestions.Count) throw new DomainRuleException(t["RFIの質問項目が変更されました。画面を読み込み直してください。"]);

        var answers = open.State.RfiQuestions
            .Select((q, i) => new RfiAnswer(i + 1, q, VendorRules.Clean(i < command.Answers.Count ? command.Answers[i] : "")))
            .ToList();
        var staged = await VendorFileStaging.StageAllAsync(store, writer.Session, command.Files, cancellationToken);
        var files = (vendor.Rfi?.Files ?? []).Concat(staged).ToList();
        open.Stream.AppendOne(new RfiResponseRecorded(command.CaseId, vendor.VendorId, vendor.CompanyName, command.ResponseDate!.Value, answers, files, open.By, open.Now));
        try
        {
            await writer.SaveAsync(cancellationToken);
        }
        catch
        {
            await store.DiscardAsync(staged.Select(f => f.FileId));
            throw;
        }
        return Unit.Value;
    }
}
