using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procurement.Features.Contracts;

/// <summary>The decided vendor (落札者 / 契約候補者) of a case and the price the contract is made for.</summary>
public sealed record Award(
    Guid CaseId,
    string VendorName,
    string? VendorAddress,
    string? VendorRepresentative,
    long ContractPrice,
    DateOnly DecidedOn);

/// <summary>
/// Where the contract reads 乙 and the price from. The evaluation feature (issue 5) owns the award and registers
/// its own implementation with <c>services.AddScoped&lt;IAwardSource, …&gt;()</c>; until then
/// <see cref="NoAwardYet"/> answers null and the officer enters 乙 and the price by hand, marked as such.
/// Return null until the award is final (a committee member may download drafts only after it).
/// </summary>
public interface IAwardSource
{
    Task<Award?> GetAward(Guid caseId, CancellationToken cancellationToken = default);
}

/// <summary>The stand-in while no evaluation feature is registered: no case has an award.</summary>
public sealed class NoAwardYet : IAwardSource
{
    public Task<Award?> GetAward(Guid caseId, CancellationToken cancellationToken = default) => Task.FromResult<Award?>(null);
}

public static class ContractServices
{
    /// <summary>TryAdd: whichever feature registers a real award source first wins over the stand-in.</summary>
    public static IServiceCollection AddContracts(this IServiceCollection services)
    {
        services.TryAddScoped<IAwardSource, NoAwardYet>();
        services.TryAddSingleton<Drafting.DraftRenderer>();
        services.AddScoped<ContractAccess>();
        services.AddScoped<ReviewGate>();
        services.AddSingleton<Workflows.Tasks.ITaskSource, ContractTaskSource>();
        return services;
    }
}
