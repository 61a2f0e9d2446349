using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Contracts.Drafting;

/// <summary>One assembled .docx of a contract: 契約書 + 別紙 SLA + 別記 個人情報取扱特記事項 (<paramref name="Member"/>: 各団体契約).</summary>
public sealed record AssembledContract(string? Member, string FileName, byte[] Docx, string Sha256);

/// <summary>
/// Assembles the signed set as legal staff bind it: the contract, then the SLA as 別紙 and the 特記事項 as 別記, each
/// part in a section of its own with its own page header (title and 版数) and page numbers from 1, and its own 第1条.
/// Built from the rendered blocks of the same drafts the separate files come from, so the text cannot differ.
/// </summary>
public static class ContractBundle
{
    public static string FileName(int version, string? member = null) =>
        member is null ? $"契約書一式_第{version}版.docx" : $"契約書一式_{member}_第{version}版.docx";

    /// <summary>One bundle per contract (one, or one per member), each with its SLA and the shared 特記事項.</summary>
    public static IReadOnlyList<AssembledContract> Assemble(IReadOnlyList<RenderedDraft> drafts, int version, DateOnly date, PageLayout? layout = null)
    {
        var slas = drafts.Where(d => d.Kind == DraftDocumentKind.Sla).ToList();
        var privacy = drafts.FirstOrDefault(d => d.Kind == DraftDocumentKind.PersonalInfo);
        var edition = $"第{version}版";
        return drafts.Where(d => d.Kind == DraftDocumentKind.Contract).Select(contract =>
        {
            var blocks = new List<Block>(contract.Document.Blocks);
            // 各団体契約: the member's own SLA (its 甲 is the member), never another member's.
            var sla = slas.FirstOrDefault(s => s.Member == contract.Member) ?? (contract.Member is null ? slas.FirstOrDefault() : null);
            if (sla is not null)
            {
                blocks.Add(new PartBreakBlock($"別紙1　{sla.Document.Title}　{edition}"));
                blocks.AddRange(sla.Document.Blocks);
            }
            if (privacy is not null)
            {
                blocks.Add(new PartBreakBlock($"別記　{privacy.Document.Title}　{edition}"));
                blocks.AddRange(privacy.Document.Blocks);
            }
            var subject = blocks.OfType<TitleBlock>().FirstOrDefault()?.Text ?? contract.Document.Title;
            var bytes = DocxWriter.Write(blocks, new DocxMetadata(contract.Document.Title, edition, subject, date), layout ?? PageLayout.Default);
            return new AssembledContract(contract.Member, FileName(version, contract.Member), bytes, DocumentRenderer.Sha256(bytes));
        }).ToList();
    }
}
