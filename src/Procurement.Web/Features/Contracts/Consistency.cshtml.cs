using Microsoft.AspNetCore.Authorization;
using Procurement.Features.Contracts.Consistency;

namespace Procurement.Features.Contracts;

/// <summary>
/// 文書間の整合性: the facts a case's current documents state, compared with each other and with the case's records,
/// each contradiction with the documents and clauses involved. Officers and legal staff of the case's group.
/// </summary>
[Access(Roles.Officer, Roles.Legal, Roles.Admin, CaseRoute = "id")]
[Authorize(Policy = Policies.Legal)]
public sealed class ConsistencyModel(IMediator mediator) : CasePageModel
{
    public ConsistencyReport Report { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Report = await mediator.Send(new CheckCaseConsistency(id), ct);
        return Page();
    }
}
