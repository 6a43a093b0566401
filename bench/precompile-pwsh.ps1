<#
.SYNOPSIS
    Makes a ReadyToRun copy of the PowerShell this script runs on and prints the path of its
    pwsh.dll, for the benchmarks' child processes. Builds nothing of the module.
.DESCRIPTION
    The repository's PowerShell is the `PowerShell` dotnet tool, whose engine assemblies
    (System.Management.Automation and the rest) are IL only: every engine method a child process
    runs is JIT-compiled first at tier 0 and again when it gets hot. PowerShell's released
    packages (deb, rpm, msi, zip, tar.gz) ship those assemblies ReadyToRun-compiled, so on a
    user's installed pwsh that work is mostly gone. This copy stands for that pwsh: the tool's
    folder with every IL assembly compiled by crossgen2 against the .NET runtime this process
    runs on (the crossgen2 package of that exact runtime version, fetched by a throwaway
    restore). Assemblies crossgen2 refuses (reference assemblies, facades) stay as they are.

    The copy is kept in out/bench-pwsh/<PowerShell version>-<runtime version> and reused.
    The benchmarks start `dotnet <that pwsh.dll>` instead of `dotnet pwsh` when
    $env:POWERSHAI_BENCH_PWSH names it:

        $env:POWERSHAI_BENCH_PWSH = dotnet pwsh ./bench/precompile-pwsh.ps1
        dotnet pwsh ./bench/compare.ps1 -Workload startup,stream
#>
[CmdletBinding()]
param([switch] $Force)
$ErrorActionPreference = 'Stop'
$repo = Split-Path $PSScriptRoot -Parent
$runtime = [Environment]::Version.ToString(3)
$rid = [Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
$os, $arch = $rid -split '-', 2
$source = Split-Path ([psobject].Assembly.Location)
$target = Join-Path $repo "out/bench-pwsh/$($PSVersionTable.PSVersion)-$runtime"
$entry = Join-Path $target 'pwsh.dll'
if ((Test-Path (Join-Path $target '.complete')) -and -not $Force) { return $entry }

# crossgen2 of the running runtime's version, fetched into the NuGet cache by a restore.
$restore = Join-Path ([IO.Path]::GetTempPath()) "bench-crossgen2-$PID"
$null = New-Item -ItemType Directory -Force $restore
Set-Content (Join-Path $restore 'Crossgen2.csproj') @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net$($runtime -replace '^(\d+\.\d+).*', '$1')</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageDownload Include="Microsoft.NETCore.App.Crossgen2.$rid" Version="[$runtime]" /></ItemGroup>
</Project>
"@
try {
    $log = dotnet restore (Join-Path $restore 'Crossgen2.csproj') 2>&1
    if ($LASTEXITCODE -ne 0) { throw "restoring crossgen2 $runtime for $rid failed: $($log | Select-Object -Last 5)" }
} finally { Remove-Item -Recurse -Force $restore -ErrorAction SilentlyContinue }
$packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
$crossgen = Get-ChildItem (Join-Path $packages "microsoft.netcore.app.crossgen2.$rid/$runtime/tools") -Filter 'crossgen2*' |
    Where-Object Name -in 'crossgen2', 'crossgen2.exe' | Select-Object -First 1
if (-not $crossgen) { throw "no crossgen2 executable in the microsoft.netcore.app.crossgen2.$rid $runtime package" }

Remove-Item -Recurse -Force $target -ErrorAction SilentlyContinue
$null = New-Item -ItemType Directory -Force (Split-Path $target)
Copy-Item -Recurse $source $target
$framework = [Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
# The references go in a response file: PowerShell would expand a '*.dll' argument itself on Unix.
$references = Join-Path $target 'crossgen2-references.rsp'
Set-Content $references (@("-r:$(Join-Path $framework '*.dll')", "-r:$(Join-Path $source '*.dll')", "--targetos:$os", "--targetarch:$arch", '-O'))
$compiled = 0
foreach ($dll in Get-ChildItem $source -Filter *.dll) {
    $out = Join-Path $target $dll.Name
    $log = & $crossgen.FullName $dll.FullName "-o:$out" "@$references" 2>&1
    if ($LASTEXITCODE -eq 0) { $compiled++ } else {
        Write-Verbose "$($dll.Name) left as IL: $($log | Select-Object -Last 1)"
        Copy-Item $dll.FullName $out -Force
    }
}
Write-Host "precompile-pwsh: $compiled assemblies of $source compiled into $target"
Set-Content (Join-Path $target '.complete') $compiled
$entry
