using System.Runtime.CompilerServices;

namespace Procurement.Tests.Infrastructure;

/// <summary>Process-wide settings applied before any test builds a host.</summary>
internal static class TestProcess
{
    /// <summary>
    /// Every test class starts an app of its own (some tests more), and each app watches appsettings and wwwroot with inotify until it is
    /// disposed; Linux allows 128 inotify instances per user, which the suite outgrew ("The configured user limit (128)
    /// on the number of inotify instances has been reached"). Tests never edit those files, so no config reload and a
    /// polling watcher (no inotify) lose nothing.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
