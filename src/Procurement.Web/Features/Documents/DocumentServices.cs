using Procurement.Features.Documents.Rendering;

namespace Procurement.Features.Documents;

public static class DocumentServices
{
    /// <summary>Templates are loaded and parsed once (Procurement:DocumentTemplates, else the nearest document-templates/).</summary>
    public static IServiceCollection AddProcurementDocuments(this IServiceCollection services)
    {
        services.AddSingleton(sp => TemplateCatalog.Load(TemplateCatalog.FindRoot(sp.GetService<IConfiguration>()?["Procurement:DocumentTemplates"])));
        services.AddSingleton<DocumentRenderer>();
        services.AddSingleton<IDocumentFileStore, MartenDocumentFileStore>();
        services.AddSingleton(_ => new PdfConverter());
        services.AddSingleton<PdfCopies>();
        services.AddOptions<PdfOptions>().BindConfiguration("Procurement:Pdf");
        services.AddSingleton<PdfBackgroundConversion>();
        services.AddHostedService(sp => sp.GetRequiredService<PdfBackgroundConversion>());
        services.AddScoped<IDocumentSectionSource, SpecificationDocumentSource>();
        return services;
    }
}
