/// The example scenario of docs/scenario-format.md, copied verbatim (it must load without issues).
enum DesignExample {
    static let yaml = """
schema_version: 1
name: demo
seed: 42
start: 2026-01-05T00:00:00Z      # calendar of t = 0 (a Monday)
duration: 7d
sample_interval: 5m
pue: 1.4
drs: {enabled: true, automation: fully_automated, threshold: 3, period: 5m}     # defaults for all clusters
dpm: {enabled: false, threshold: 3, target_utilization: 0.63, tolerance: 0.18,
      history_power_on: 5m, history_power_off: 40m, min_hosts_on: 2}
vmotion: {switchover_goal: 500ms, resume_time: 50ms, max_precopy_rounds: 30, sdps: true,
          nic_efficiency: 0.9, storage_copy_mbps: 4000}
host_profiles:
  - name: r650
    cpu: {vendor: intel, generation: icelake, sockets: 2, cores_per_socket: 24, mhz: 2800}
    memory_gb: 768
    vmotion_nic_gbps: 10
    power: {model: linear, idle_w: 180, max_w: 520}     # or {model: specpower, watts: [...11...]}
    standby_w: 10
    boot_time: 5m
    shutdown_time: 2m
vm_profiles:
  - name: web
    vcpus: 4
    vcpu_mhz: 2800
    memory_gb: 16
    disk_gb: 40                      # copied by Storage / shared-nothing vMotion
    workload:
      cpu: {mean: 0.3, diurnal: {amplitude: 0.5, peak_hour: 14}, weekly: {weekend_factor: 0.6},
            noise: {sigma: 0.15, correlation_time: 30m}, bursts: {per_day: 1, factor: 2.0, duration: 20m},
            growth_per_month: 0.0}
      memory: {active_fraction: 0.4, dirty_rate_mbps: 300, wws_fraction: 0.2}
clusters:
  - name: prod-a
    license: enterprise_plus
    vsphere_version: "6.7"
    evc: icelake
    datastores: [ds-a]               # mounted by every host of the cluster unless an entry overrides
    networks: [vm-net]               # port groups present on every host unless an entry overrides
    hosts:
      - {profile: r650, count: 7}
      - {profile: r650, count: 1, datastores: [local-9], networks: [vm-net]}  # per-entry overrides
    vms: [{profile: web, count: 120, datastore: ds-a, network: vm-net}]
    dpm: {enabled: true}                                  # overrides the scenario default
    host_groups: {fast: [prod-a-esx01, prod-a-esx02]}
    vm_groups: {db: [web-0003, web-0004]}
    rules:
      - {kind: anti_affinity, vms: [web-0001, web-0002]}       # also: affinity
      - {kind: vm_host, vm_group: db, host_group: fast, mode: should, relation: run_on}  # must|should, run_on|not_run_on
    ha: {enabled: true, restart_time: 2m}
events:
  - {at: 2d, action: migrate, vm: web-0007, to: prod-a-esx03}
  - {at: 3d2h, action: enter_maintenance, host: prod-a-esx05, for: 45m}
  - {at: 4d, action: fail_host, host: prod-a-esx02, repair_after: 4h}
maintenance_windows:
  - {cluster: prod-a, start: 6d1h, hosts_at_once: 1, patch_time: 30m}
failures: {host_mtbf: 4000h, repair_time: 8h}            # random host failures (optional)
sweep:
  axes: {drs.threshold: [1, 2, 3, 4, 5], dpm.enabled: [false, true]}
  replications: 10
  baseline: {drs.threshold: 3, dpm.enabled: false}
"""
}
