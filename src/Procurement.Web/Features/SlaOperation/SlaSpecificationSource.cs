using Procurement.Features.Contracts;
using Procurement.Features.Documents;

namespace Procurement.Features.SlaOperation;

/// <summary>
/// Once the case has an SLA, the 調達仕様書's サービス提供時間 is the SLA's service calendar in words, so the two
/// documents cannot state different hours; before that the specification keeps its default wording.
/// </summary>
public sealed class SlaSpecificationSource(IQuerySession session) : IDocumentSectionSource
{
    public async ValueTask<DocumentSections> ContributeAsync(Guid caseId, DocumentSections current, CancellationToken ct)
    {
        var sla = SlaOperationRules.AgreedSla(await session.LoadAsync<ContractDossier>(ContractStreams.DossierId(caseId), ct));
        return sla is null
            ? current
            : current with { Specification = (current.Specification ?? SpecificationInfo.Defaults) with { ServiceHours = SlaCalendarText.Describe(sla.Calendar) } };
    }
}
