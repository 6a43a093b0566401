# One session shared by parallel runspaces (ForEach-Object -Parallel) against genuine Gradio
# 5.14.0, and the bounded call history of a session (on the project's fake server).

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:HaveRealGradio = Test-RealGradioAvailable
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:Manifest = Get-TestModuleManifest
    Import-Module $Manifest -Force
}

Describe 'One session shared by parallel runspaces (genuine Gradio 5.14.0)' -Skip:(-not $HaveRealGradio) {
    BeforeAll {
        Get-GradioSession | Remove-GradioSession
        # /tag("x") answers "x#N", N counting this session's calls in gr.State.
        $script:Server = Start-RealGradio -App (Join-Path $PSScriptRoot 'apps/state-echo-app.py') -Version 5.14.0
    }
    AfterAll {
        Get-GradioSession | Remove-GradioSession
        Stop-RealGradio $Server
    }

    It 'gives every one of 8 runspaces x 50 calls its own result, 20 times over' {
        $runspaces = 8
        $calls = 50
        $repetitions = 20
        # A repetition takes about 4 s here; a hung call is stopped at this bound and counts as lost.
        $boundSec = 60
        $problems = [Collections.Generic.List[string]]::new()
        $hung = 0
        $clock = [Diagnostics.Stopwatch]::StartNew()
        foreach ($rep in 1..$repetitions) {
            $session = New-GradioSession $Server.Url -Name "parallel-$rep-$PID"
            $results = @(1..$runspaces | ForEach-Object -ThrottleLimit $runspaces -TimeoutSeconds $boundSec -Parallel {
                Import-Module $using:Manifest
                $worker = $_
                foreach ($c in 1..$using:calls) {
                    $text = "w$worker-c$c"
                    try {
                        $last = Invoke-GradioEndpoint tag @{ text = $text } -Session $using:session.Name -ErrorAction Stop -WarningAction SilentlyContinue | Select-Object -Last 1
                        [pscustomobject]@{ Text = $text; Got = $(if ($last) { $last.data[0] }); Error = $null }
                    } catch {
                        [pscustomobject]@{ Text = $text; Got = $null; Error = "$($_.FullyQualifiedErrorId): $_" }
                    }
                }
            })
            Remove-GradioSession $session

            if ($results.Count -lt $runspaces * $calls) {
                $hung++
                $problems.Add("repetition ${rep}: $($results.Count) of $($runspaces * $calls) calls ended within $boundSec s")
            }
            $counters = @(foreach ($r in $results) {
                if ($r.Error) { $problems.Add("repetition ${rep}: $($r.Text) failed: $($r.Error)"); continue }
                if ("$($r.Got)" -notmatch ('^' + [regex]::Escape($r.Text) + '#(\d+)$')) {
                    $problems.Add("repetition ${rep}: $($r.Text) got '$($r.Got)'")
                    continue
                }
                [int]$Matches[1]
            })
            # Every call ran once on the server, in some order: the counters are 1..400.
            $expected = 1..($runspaces * $calls)
            if ($counters.Count -eq $expected.Count -and (($counters | Sort-Object) -join ',') -ne ($expected -join ',')) {
                $problems.Add("repetition ${rep}: the session's counters are not 1..$($expected.Count)")
            }
        }
        Write-Host ("parallel calls: {0} repetitions of {1} runspaces x {2} calls, {3} hung, {4} problem(s), {5:N1} s" -f
            $repetitions, $runspaces, $calls, $hung, $problems.Count, $clock.Elapsed.TotalSeconds)
        $problems | Select-Object -First 20 | Should -BeNullOrEmpty
    }
}

Describe 'A session keeps at most MaxCalls calls' {
    BeforeAll {
        Get-GradioSession | Remove-GradioSession
        $script:Fake = Start-FakeGradio -Profile v5 -App full
    }
    AfterAll {
        Get-GradioSession | Remove-GradioSession
        Stop-RealGradio $Fake
    }

    It 'keeps only the newest MaxCalls calls with policy <_>' -ForEach @('warning', 'remove') {
        $policy = $_
        $session = New-GradioSession $Fake.Url -Name "history-$policy-$PID"
        Set-GradioSession $session -MaxCalls 5 -MaxCallsPolicy $policy
        $warnings = @()
        $ids = foreach ($i in 1..12) {
            $call = Invoke-GradioSessionApi count @() -Session $session -WarningVariable +warnings -WarningAction SilentlyContinue
            $null = $call | Update-GradioSessionApiResult
            $call.Id
        }
        $kept = @(Get-GradioSessionApi $session)
        $kept.Count | Should -Be 5
        $kept.Id | Should -Be $ids[-5..-1]
        if ($policy -eq 'warning') {
            $warnings.Count | Should -Be 1
            "$($warnings[0])" | Should -BeLike '*MaxCalls (5)*oldest*'
        } else {
            $warnings.Count | Should -Be 0
        }
    }

    It 'fails the call past MaxCalls with policy error' {
        $session = New-GradioSession $Fake.Url -Name "history-error-$PID"
        Set-GradioSession $session -MaxCalls 2 -MaxCallsPolicy error
        1..2 | ForEach-Object { $null = Invoke-GradioSessionApi count @() -Session $session | Update-GradioSessionApiResult }
        { Invoke-GradioSessionApi count @() -Session $session -ErrorAction Stop } | Should -Throw '*MaxCalls (2)*'
        @(Get-GradioSessionApi $session).Count | Should -Be 2
    }
}
