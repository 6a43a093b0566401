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
