#Requires -Version 7.2
# What a server may make the module hold and show is bounded: a huge event or a gzip-bombed
# answer fails with a classified error and a bounded peak working set (each measured in a fresh
# pwsh, so other tests do not count), and a secret the module sent never comes back in an
# error, a stream or $Error, even when the server quotes it. The faults are the fake server's
# (tests/FakeGradio/FaultRoutes.cs), each under its own /fault/<name>/ root.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:Manifest = Get-TestModuleManifest
    Import-Module $Manifest -Force
    $script:Server = Start-FakeGradio -Profile v5 -App full
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "phf-limits-$PID"
    New-Item -ItemType Directory -Force $Work | Out-Null
    # The bound stated in the troubleshooting guide for one failed oversized answer: the 64 MB
    # limit, the parser's buffer for it and pwsh itself.
    $script:PeakBoundMB = 600

    function Invoke-Measured([string] $Command) {
        # A fresh process, so the peak is this command's alone; it prints the error id and the peak.
        $script = Join-Path $Work ("measure-" + [guid]::NewGuid().ToString('N') + '.ps1')
        Set-Content $script @"
Import-Module '$Manifest'
`$id = 'none'
try { & { $Command } | Out-Null } catch { `$id = `$_.FullyQualifiedErrorId.Split(',')[0] }
[GC]::Collect()
'{0} {1}' -f `$id, [int]([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB)
"@
        $out = & dotnet pwsh -NoProfile -NonInteractive -File $script 2>&1
        $last = @($out)[-1].ToString().Trim().Split(' ')
        [pscustomobject]@{ Id = $last[0]; PeakMB = [int]$last[1]; Output = ($out -join "`n") }
    }
}

AfterAll {
    Get-GradioSession | Where-Object Name -like 'limits-*' | Remove-GradioSession
    Stop-RealGradio $Server
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}

Describe 'oversized answers' {
    It 'a 500 MB event fails as GradioResponseTooLarge with a bounded peak working set' {
        $url = "$($Server.Url)fault/huge-sse-message/500000000/"
        $r = Invoke-Measured "Send-GradioApi '$url' Op1 @('1') | Update-GradioApiResult"
        $r.Id | Should -Be 'GradioResponseTooLarge' -Because $r.Output
        $r.PeakMB | Should -BeLessThan $PeakBoundMB
        Write-Host "    500 MB event: $($r.PeakMB) MB peak working set"
    }

    It 'a /info that inflates to 500 MB fails as GradioResponseTooLarge with a bounded peak working set' {
        $url = "$($Server.Url)fault/gzip-bomb-info/500000000/"
        $r = Invoke-Measured "Get-GradioInfo '$url'"
        $r.Id | Should -Be 'GradioResponseTooLarge' -Because $r.Output
        $r.PeakMB | Should -BeLessThan $PeakBoundMB
        Write-Host "    500 MB gzip bomb: $($r.PeakMB) MB peak working set"
    }

    It 'a 50 MB event under the limit arrives whole' {
        $url = "$($Server.Url)fault/huge-sse-message/50000000/"
        $r = Invoke-Measured "`$d = (Send-GradioApi '$url' Op1 @('1') | Update-GradioApiResult | Select-Object -Last 1).data[0]; if (`$d.Length -ne 50000000) { throw 'wrong length' }"
        $r.Id | Should -Be 'none' -Because $r.Output
        Write-Host "    50 MB event: $($r.PeakMB) MB peak working set"
    }
}

Describe 'secrets the module sent never come back' {
    BeforeAll {
        $script:Secret = 'hf_limits_secret_token_0042'
    }

    It 'a gr.Error that quotes the Authorization header is shown with the token masked, in every stream and in $Error' {
        $Error.Clear()
        $session = New-GradioSession "$($Server.Url)fault/echo-secrets-app-error/" -Name limits-app -Token $Secret
        $all = & {
            try { Invoke-GradioSessionApi Op1 @('1') -Session $session | Update-GradioSessionApiResult -Session $session -Verbose -Debug } catch { $_ }
        } *>&1 | Out-String
        $caught = $Error[0]
        $caught.FullyQualifiedErrorId | Should -BeLike 'GradioAppError,*'
        $caught.Exception.Message | Should -Match 'Bearer \*\*\*'
        $all | Should -Not -BeLike "*$Secret*"
        ($Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }) -join "`n" | Should -Not -BeLike "*$Secret*"
        (Get-GradioSessionApi limits-app | Format-List * | Out-String) | Should -Not -BeLike "*$Secret*"
    }

    It 'an HTTP error page that quotes the headers is shown with the token masked' {
        $Error.Clear()
        $all = & { try { Send-GradioApi "$($Server.Url)fault/echo-secrets-http-error/" Op1 @('1') -Token $Secret -Verbose -Debug } catch { $_ } } *>&1 | Out-String
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'GradioHttpError,*'
        $Error[0].Exception.Message | Should -Match 'Bearer \*\*\*'
        $all | Should -Not -BeLike "*$Secret*"
        ($Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }) -join "`n" | Should -Not -BeLike "*$Secret*"
    }
}
