# The built module against a misbehaving server (the fake server's faults under /fault/{name}/,
# tests/FakeGradio/FaultScope.cs) and against local "files" that are not readable files. Each
# command runs in its own runspace under an outer bound, so a hang fails its test instead of
# blocking the run; the bound is generous and no test asserts how long anything took.

BeforeDiscovery {
    # /dev/zero: a device that reports size 0 and never ends (Linux and macOS, where tests run).
    $script:LocalCases = @(
        @{ What = 'a missing file'; Item = 'missing.png'; Id = 'GradioFileNotFound'; Category = 'ObjectNotFound'; Says = 'not found|does not exist' }
        @{ What = 'a folder'; Item = 'a-folder.png'; Id = 'GradioFileError'; Category = 'WriteError'; Says = 'is a folder' }
        @{ What = '/dev/zero'; Item = '/dev/zero'; Id = 'GradioFileError'; Category = 'WriteError'; Says = 'not a regular file' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:Manifest = Get-TestModuleManifest
    Import-Module $Manifest -Force
    $script:Server = Start-FakeGradio -Profile v5 -App full -LifetimeSec 600
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "phf-faults-$PID"
    $null = New-Item -ItemType Directory -Force $Work

    function Invoke-Bounded {
        # Runs $Script in a fresh runspace with the module and returns the error it ended with
        # ($null when it succeeded); throws when it has not ended after $OuterSec.
        param([scriptblock] $Script, [object[]] $Arguments = @(), [int] $OuterSec = 90)
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$Manifest'; `$ErrorActionPreference = 'Stop'").AddStatement()
            $null = $ps.AddScript("try { & { $Script } @args; `$null } catch { `$_ }")
            foreach ($a in $Arguments) { $null = $ps.AddArgument($a) }
            $handle = $ps.BeginInvoke()
            if (-not $handle.AsyncWaitHandle.WaitOne($OuterSec * 1000)) {
                $ps.Stop()
                throw "The command had not ended after $OuterSec s."
            }
            return $ps.EndInvoke($handle) | Select-Object -Last 1
        } finally { $ps.Dispose() }
    }

    function New-FaultFile([string] $Fault) {
        # A FileData whose url lies in the fault's app: any path there misbehaves the same way.
        @{ path = '/tmp/fault.bin'; orig_name = 'fault.bin'; url = "$($Server.Url)fault/$Fault/gradio_api/file=/tmp/fault.bin"
           meta = @{ _type = 'gradio.FileData' } }
    }
}

AfterAll {
    Get-GradioSessionApiProxyFunction '*' | Remove-GradioSessionApiProxyFunction
    Get-GradioSession | Remove-GradioSession
    Stop-RealGradio $Server
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}

Describe 'Save-GradioFile from a misbehaving server' {
    BeforeEach {
        $script:Folder = Join-Path $Work ([guid]::NewGuid().ToString('N'))
    }

    It 'fails with GradioTimeout when the body stalls longer than -TimeoutSec, and keeps no .partial file' {
        $err = Invoke-Bounded { param($f, $dir) $f | Save-GradioFile -Path $dir -TimeoutSec 5 } (New-FaultFile stalled-download), $Folder
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'GradioTimeout,*'
        $err.CategoryInfo.Category | Should -Be 'OperationTimeout'
        @(Get-ChildItem $Folder -Force) | Should -BeNullOrEmpty
    }

    It 'fails with GradioTimeout at -MaxDurationSec while -TimeoutSec would still wait' {
        $err = Invoke-Bounded { param($f, $dir) $f | Save-GradioFile -Path $dir -TimeoutSec 60 -MaxDurationSec 2 } (New-FaultFile stalled-download), $Folder
        $err.FullyQualifiedErrorId | Should -BeLike 'GradioTimeout,*'
        $err.Exception.Message | Should -BeLike '*deadline*'
        @(Get-ChildItem $Folder -Force) | Should -BeNullOrEmpty
    }

    It 'fails with GradioResponseTooLarge over -MaxBytes (<_>), and keeps nothing' -ForEach @('endless-download/20000000', 'stalled-download') {
        $err = Invoke-Bounded { param($f, $dir) $f | Save-GradioFile -Path $dir -MaxBytes 1MB -TimeoutSec 30 } (New-FaultFile $_), $Folder
        $err.FullyQualifiedErrorId | Should -BeLike 'GradioResponseTooLarge,*'
        $err.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        @(Get-ChildItem $Folder -Force) | Should -BeNullOrEmpty
    }
}

Describe 'Local files that are not readable files' {
    BeforeAll {
        $script:Session = New-GradioSession $Server.Url -Name "faults-$PID"
        $script:SizeFunction = New-GradioSessionApiProxyFunction file_size -Prefix Fault -Session $Session
        $null = New-Item -ItemType Directory -Force (Join-Path $Work 'a-folder.png')
        function Get-CasePath([string] $Item) { if ([IO.Path]::IsPathRooted($Item)) { $Item } else { Join-Path $Work $Item } }
    }

    It 'Send-GradioFile: <What>' -ForEach $LocalCases {
        $err = Invoke-Bounded { param($url, $p) Send-GradioFile $url $p } $Server.Url, (Get-CasePath $Item)
        $err.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $err.CategoryInfo.Category | Should -Be $Category
        $err.Exception.Message | Should -Match $Says
    }

    It 'Send-GradioSessionFiles and a generated function''s file parameter: <What>' -ForEach $LocalCases {
        # The session and the function live in this runspace, so these run here: every case
        # fails before anything is sent, so nothing waits on the server.
        $path = Get-CasePath $Item
        $errors = @(
            try { Send-GradioSessionFiles $path -Session $Session -ErrorAction Stop } catch { $_ }
            try { & $SizeFunction.Name -Path $path -ErrorAction Stop } catch { $_ }
        )
        $errors.Count | Should -Be 2
        foreach ($err in $errors) {
            $err.FullyQualifiedErrorId | Should -BeLike "$Id,*"
            $err.CategoryInfo.Category | Should -Be $Category
            $err.Exception.Message | Should -Match $Says
        }
    }
}
