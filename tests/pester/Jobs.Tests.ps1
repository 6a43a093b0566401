# A job's progress, information and warning streams, on the fake server (whose slow_progress
# sends gr.Info and gr.Warning; the genuine apps send neither). The rest of -AsJob, Stop-Job,
# Stop-GradioApi and -Result runs on genuine Gradio in Sessions.Tests.ps1 ('calls as jobs'),
# reusing its servers.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
}

Describe 'a job''s progress, information and warning streams (fake server)' {
    BeforeAll {
        $script:Fake = Start-FakeGradio -Profile v5 -App full
    }
    AfterAll {
        if ($Fake) { Stop-RealGradio $Fake }
    }

    It 'gr.Progress, gr.Info and gr.Warning reach the job''s streams' {
        $job = Send-GradioApi $Fake.Url slow_progress @(4) -AsJob
        $result = $job | Wait-Job | Receive-Job -Keep -InformationVariable info -WarningVariable warn -WarningAction SilentlyContinue -InformationAction SilentlyContinue
        $result.data[0] | Should -Be 'done'
        "$info" | Should -BeLike '*halfway*'
        "$warn" | Should -BeLike '*almost done*'
        @($job.Progress | Where-Object StatusDescription -eq 'working').Count | Should -BeGreaterThan 0
        # -Keep kept the results for a second read.
        ($job | Receive-Job -InformationAction SilentlyContinue -WarningAction SilentlyContinue).data[0] | Should -Be 'done'
        $job | Remove-Job
    }
}

Describe 'a handle''s State moves without a reader (fake server)' {
    BeforeAll {
        $script:Fake = Start-FakeGradio -Profile v5 -App full
        function Wait-HandleEnd($Handle) {
            # Bounded: the fake's calls end in well under a second.
            foreach ($i in 1..300) {
                if ("$($Handle.State)" -in 'Complete', 'Error', 'Cancelled', 'Failed') { return "$($Handle.State)" }
                Start-Sleep -Milliseconds 100
            }
            return "$($Handle.State)"
        }
    }
    AfterAll {
        if ($Fake) { Stop-RealGradio $Fake }
    }

    It 'a Send-GradioApi handle reaches Complete with nothing reading it, and its events are all still there' {
        $h = Send-GradioApi $Fake.Url slow_progress @(2) -WarningAction SilentlyContinue
        Wait-HandleEnd $h | Should -Be 'Complete'
        $h.Status | Should -BeNullOrEmpty   # nothing has read it yet
        $results = @($h | Update-GradioApiResult -InformationAction SilentlyContinue -WarningAction SilentlyContinue)
        $results[-1].data[0] | Should -Be 'done'
        $h.Status | Should -Be 'complete'
    }

    It 'an app error shows as State Error before Update-GradioApiResult reports it' {
        $h = Send-GradioApi $Fake.Url raise_error @('boom')
        Wait-HandleEnd $h | Should -Be 'Error'
        { $h | Update-GradioApiResult } | Should -Throw -ErrorId 'GradioAppError,*'
    }

    It 'an app error''s text reaches the terminal without its escape sequences' {
        $caught = $null
        try { Send-GradioApi $Fake.Url raise_error @("`e]0;retitled`a`e[2Jboom`e[0m") | Update-GradioApiResult } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'GradioAppError,*'
        $caught.Exception.Message | Should -BeLike '*boom*'
        $caught.Exception.Message | Should -Not -Match '[\x00-\x08\x0b-\x1f\x7f]'
        ($caught | Out-String) | Should -Not -Match '\x1b'
    }
}
