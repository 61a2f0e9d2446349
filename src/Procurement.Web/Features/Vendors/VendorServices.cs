using Microsoft.Extensions.Options;
using Procurement.Features.Documents;
using Procurement.Features.Vendors.Files;
using Procurement.Features.Vendors.Proposals;

namespace Procurement.Features.Vendors;

public static class VendorServices
{
    /// <summary>Vendors, their files, the gate to the evaluation feature and the vendors' part of generated documents.</summary>
    public static IServiceCollection AddVendors(this IServiceCollection services)
    {
        services.AddOptions<VendorFileOptions>().BindConfiguration("Procurement");
        services.AddScoped<CaseVendorsWriter>();
        services.AddScoped<ProposalAccess>();
        services.AddScoped<IDocumentSectionSource, VendorDocumentSource>();
        services.AddSingleton<Workflows.Tasks.ITaskSource, VendorTaskSource>();
        services.AddScoped<IVendorFileStore>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<VendorFileOptions>>().Value.FileStore)
            ? ActivatorUtilities.CreateInstance<PostgresVendorFileStore>(sp)
            : ActivatorUtilities.CreateInstance<FolderVendorFileStore>(sp));
        return services;
    }
}
