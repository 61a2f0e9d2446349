using Procurement.Features.Contracts;
using Procurement.Features.Documents;
using Procurement.Features.Wizards;
using Procurement.Infrastructure.Database;

namespace Procurement.Infrastructure;

/// <summary>The services the web app and the CLI share: storage, mediator pipeline, clock, text.</summary>
public static class ProcurementServices
{
    public static IServiceCollection AddProcurementCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseHandle>();
        services.AddMetrics();                 // counters such as procurement.pdf.conversions (IMeterFactory)
        services.AddSingleton<AppDatabase>();   // the health probe's pool and the cluster-wide locks

        services.AddMarten(sp =>
            {
                var opts = new StoreOptions();
                MartenSetup.Configure(opts, sp.GetRequiredService<DatabaseHandle>().ConnectionString);
                return opts;
            })
            .BuildSessionsWith<CorrelatedSessionFactory>();
        // One session per request (scope): reads go through the request's document session, so the access checks, the
        // page and the handler share one session and what they loaded (SessionDocuments) instead of each opening its own.
        services.AddScoped<IQuerySession>(sp => sp.GetRequiredService<IDocumentSession>());

        services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Scoped);
        // Order matters: access first, so a refused sender learns nothing from validation messages.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorisationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddValidatorsFromAssembly(typeof(ProcurementServices).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);

        services.AddSingleton<UiText>();
        services.AddScoped<WizardDraftStore>();
        services.AddScoped<PasswordService>();
        services.AddContracts();           // contract drafting; IAwardSource stand-in until evaluation registers its own
        services.AddProcurementDocuments();   // templates, renderer, file store, PDF converter
        return services;
    }
}
