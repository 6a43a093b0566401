using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace PowershAI.HuggingFace;

/// <summary>
/// Windows PowerShell 5.1 has no binding redirects for a module, and the dependencies shipped
/// beside the DLL ask for each other by versions that do not match exactly (System.Text.Json
/// 8 wants System.Memory 4.0.1.2, the copy here is 4.0.1.x, and so on). This resolver answers
/// those requests with the copies in the module folder, whatever version is asked for, and only
/// for them. PowerShell 7 needs none: these assemblies are part of its runtime, which every
/// module shares (tests/pester/Dependencies.Tests.ps1 shows it). Import also warns when PowershAI,
/// whose functions hide these cmdlets, is loaded (Infrastructure/PowershaiShadowing.cs), and in
/// pwsh starts a JIT profile of its own for the rest of the process (Infrastructure/StartupProfile.cs).
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    static readonly string Folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? "";
    static readonly string[] Shipped =
    {
        "PowershAI.HuggingFace.Core", "System.Text.Json", "System.Net.ServerSentEvents", "System.Threading.Channels",
        "Microsoft.Bcl.AsyncInterfaces", "System.Memory", "System.Buffers", "System.Runtime.CompilerServices.Unsafe",
        "System.Text.Encodings.Web", "System.Threading.Tasks.Extensions", "System.Numerics.Vectors",
    };

    // .NET Framework's core library is mscorlib; .NET's is System.Private.CoreLib.
    static bool OnDesktop => typeof(object).Assembly.GetName().Name == "mscorlib";

    public void OnImport()
    {
        if (OnDesktop) AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        Infrastructure.PowershaiShadowing.CheckAtImport();
        Infrastructure.StartupProfile.StartAtImport();
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (OnDesktop) AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
    }

    static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (name == null || !Shipped.Contains(name, StringComparer.OrdinalIgnoreCase)) return null;
        var path = Path.Combine(Folder, name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
