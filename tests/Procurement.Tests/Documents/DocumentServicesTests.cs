using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Infrastructure;
using Procurement.Infrastructure.Auth;

namespace Procurement.Tests.Documents;

[Trait("Lane", "Fast")]
public sealed class DocumentServicesTests
{
    /// <summary>Development hosts validate every registration at start: the document handlers must all be resolvable.</summary>
    [Fact]
    public void The_shared_core_gives_the_CLI_its_document_services_with_every_template()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Procurement:DocumentTemplates"] = Path.Combine(DocumentTestSupport.RepoRoot, "document-templates"),
        }).Build());
        services.AddSingleton<IHostEnvironment>(new TestEnvironment());
        services.AddLogging();
        services.AddProcurementCore();
        services.AddScoped<ICurrentUser>(_ => new FixedCurrentUser(Guid.Empty, "test"));

        // The whole graph (with the web's CaseAccess and the features' services) is validated by the app's own
        // Development start-up test; here the shared core alone must give the CLI its documents services.
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = provider.CreateScope();

        Assert.Equal(Directory.GetFiles(Path.Combine(DocumentTestSupport.RepoRoot, "document-templates"), "template.json", SearchOption.AllDirectories).Length,
            scope.ServiceProvider.GetRequiredService<TemplateCatalog>().All.Count);
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IMediator>());
        Assert.IsType<MartenDocumentFileStore>(scope.ServiceProvider.GetRequiredService<IDocumentFileStore>());
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "procurement";
        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
