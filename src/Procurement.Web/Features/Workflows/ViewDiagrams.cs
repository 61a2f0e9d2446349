using Procurement.Features.Workflows.Definitions;
using Procurement.Features.Workflows.Diagrams;

namespace Procurement.Features.Workflows;

/// <summary>A definition drawn as SVG (the latest version unless one is given); null when no such definition exists.</summary>
[Access(Access.Internal)]
public sealed record DefinitionDiagramQuery(string DefinitionId, int? Version = null, string Language = "ja") : IQuery<DiagramResult?>;

/// <summary>A case's workflow drawn as SVG, completed steps marked and current ones highlighted; null when not visible or not started.</summary>
[Access(Access.Internal)]
public sealed record CaseDiagramQuery(Guid CaseId, string Language = "ja") : IQuery<DiagramResult?>, ICaseRequest;

/// <summary>The 図16-style schedule of a case (phases and steps on a time axis, today marked); null when not visible or not started.</summary>
[Access(Access.Internal)]
public sealed record CaseScheduleQuery(Guid CaseId) : IQuery<ScheduleModel?>, ICaseRequest;

public sealed class DefinitionDiagramHandler(WorkflowCatalog catalog, GraphvizRenderer renderer) : IQueryHandler<DefinitionDiagramQuery, DiagramResult?>
{
    public async ValueTask<DiagramResult?> Handle(DefinitionDiagramQuery query, CancellationToken cancellationToken)
    {
        var definition = query.Version is { } v ? catalog.Find(query.DefinitionId, v) : catalog.FindLatest(query.DefinitionId);
        return definition is null ? null : await renderer.RenderSvgAsync(WorkflowDiagrams.DefinitionDot(definition, query.Language), cancellationToken);
    }
}

public sealed class CaseDiagramHandler(IQuerySession session, WorkflowCatalog catalog, GraphvizRenderer renderer)
    : IQueryHandler<CaseDiagramQuery, DiagramResult?>
{
    public async ValueTask<DiagramResult?> Handle(CaseDiagramQuery query, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<CaseWorkflowView>(query.CaseId, cancellationToken) is not { } view) return null;
        return await renderer.RenderSvgAsync(WorkflowDiagrams.CaseDot(catalog.For(view), view, query.Language), cancellationToken);
    }
}

public sealed class CaseScheduleHandler(IQuerySession session, WorkflowCatalog catalog, TimeProvider clock)
    : IQueryHandler<CaseScheduleQuery, ScheduleModel?>
{
    public async ValueTask<ScheduleModel?> Handle(CaseScheduleQuery query, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<CaseWorkflowView>(query.CaseId, cancellationToken) is not { } view) return null;
        return CaseSchedule.ForCase(catalog.For(view), view, WorkflowClock.Today(clock));
    }
}
