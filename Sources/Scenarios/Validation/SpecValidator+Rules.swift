extension SpecValidator {
    /// DRS groups and rules of one cluster: known members, well-formed rules, no conflicts.
    func checkGroupsAndRules(_ cluster: ClusterSpec, catalog: ClusterCatalog, at clusterPath: SpecPath) {
        for (groupMap, key, known, what) in [(cluster.hostGroups, "host_groups", catalog.hostNames, "host"),
                                             (cluster.vmGroups, "vm_groups", catalog.vmNames, "VM")] {
            for group in groupMap.groups {
                let path = clusterPath.key(key).key(group.name)
                require(!group.members.isEmpty, "group '\(group.name)' has no members", at: path)
                var seen = Set<String>()
                for (position, member) in group.members.enumerated() {
                    checkKnown(member, in: known, what: what, cluster: cluster.name, at: path.index(position))
                    if !seen.insert(member).inserted { report("'\(member)' is listed twice", at: path.index(position)) }
                }
            }
        }
        var resolved: [(rule: RuleSpec, path: SpecPath, vms: Set<String>, hosts: Set<String>)] = []
        var ruleNames: [String: Int] = [:]
        for (index, rule) in cluster.rules.enumerated() {
            let path = clusterPath.key("rules").index(index)
            if let first = ruleNames[rule.name] {
                report("duplicate rule name '\(rule.name)' (also rules[\(first)])", at: path.key("name"))
            } else {
                ruleNames[rule.name] = index
            }
            if let members = checkRuleShape(rule, cluster: cluster, catalog: catalog, at: path) {
                resolved.append((rule, path, members.vms, members.hosts))
            }
        }
        checkRuleConflicts(resolved, hostCount: catalog.hosts.count)
    }

    /// Checks one rule's keys and names; returns its VM set and host set when they resolve.
    private func checkRuleShape(_ rule: RuleSpec, cluster: ClusterSpec, catalog: ClusterCatalog,
                                at path: SpecPath) -> (vms: Set<String>, hosts: Set<String>)? {
        var valid = true
        if rule.kind == .vmHost {
            if rule.hostGroup == nil { report("kind vm_host needs host_group", at: path.key("host_group")); valid = false }
        } else {
            for (key, given) in [("host_group", rule.hostGroup != nil), ("relation", rule.relation != nil)] where given {
                report("'\(key)' is only used by kind vm_host", at: path.key(key))
            }
        }
        switch (rule.vms, rule.vmGroup) {
        case (nil, nil):
            report("give vms or vm_group", at: path.key(rule.kind == .vmHost ? "vm_group" : "vms"))
            return nil
        case (.some, .some):
            report("give either vms or vm_group, not both", at: path.key("vm_group"))
            return nil
        default: break
        }
        var vms = Set<String>()
        if let names = rule.vms {
            for (position, name) in names.enumerated() {
                checkKnown(name, in: catalog.vmNames, what: "VM", cluster: cluster.name, at: path.key("vms").index(position))
                vms.insert(name)
            }
        } else if let groupName = rule.vmGroup {
            guard let members = cluster.vmGroups.members(of: groupName) else {
                reportUnknownGroup(groupName, in: cluster.vmGroups, what: "VM group", at: path.key("vm_group"))
                return nil
            }
            vms = Set(members)
        }
        if rule.kind != .vmHost, vms.count < 2 {
            report("an \(rule.kind.rawValue) rule needs at least two distinct VMs", at: path.key(rule.vms != nil ? "vms" : "vm_group"))
            valid = false
        }
        var hosts = Set<String>()
        if let groupName = rule.hostGroup, rule.kind == .vmHost {
            guard let members = cluster.hostGroups.members(of: groupName) else {
                reportUnknownGroup(groupName, in: cluster.hostGroups, what: "host group", at: path.key("host_group"))
                return nil
            }
            hosts = Set(members)
        }
        return valid ? (vms, hosts) : nil
    }

    private func reportUnknownGroup(_ name: String, in groups: GroupMapSpec, what: String, at path: SpecPath) {
        let names = groups.groups.map(\.name)
        let defined = names.isEmpty ? "none defined" : "defined: " + names.joined(separator: ", ")
        report("unknown \(what) '\(name)'\(KeySuggestion.hint(for: name, in: names)) (\(defined))", at: path)
    }

    /// Conflicts between rules, each reported at the later rule and naming both.
    private func checkRuleConflicts(_ rules: [(rule: RuleSpec, path: SpecPath, vms: Set<String>, hosts: Set<String>)],
                                    hostCount: Int) {
        for (later, second) in rules.enumerated() {
            if second.rule.kind == .antiAffinity, second.rule.mode == .must, second.vms.count > hostCount, hostCount > 0 {
                report("must anti-affinity rule '\(second.rule.name)' separates \(second.vms.count) VMs but the cluster "
                       + "has only \(hostCount) hosts", at: second.path)
            }
            for first in rules[..<later] {
                let shared = first.vms.intersection(second.vms)
                guard !shared.isEmpty else { continue }
                let kinds = Set([first.rule.kind, second.rule.kind])
                if kinds == [.affinity, .antiAffinity], shared.count >= 2 {
                    let pair = shared.sorted().prefix(2).map { "'\($0)'" }.joined(separator: " and ")
                    report("rules '\(first.rule.name)' (\(first.rule.kind.rawValue)) and '\(second.rule.name)' "
                           + "(\(second.rule.kind.rawValue)) conflict: "
                           + "VMs \(pair) must be both together and apart", at: second.path)
                }
                guard first.rule.kind == .vmHost, second.rule.kind == .vmHost,
                      first.rule.mode == .must, second.rule.mode == .must else { continue }
                if allowedHosts(first.hosts, first.rule.relation, second.hosts, second.rule.relation) { continue }
                let vm = shared.sorted().first ?? ""
                report("rules '\(first.rule.name)' (must \(first.rule.relation?.rawValue ?? "run_on")) and '\(second.rule.name)' "
                       + "(must \(second.rule.relation?.rawValue ?? "run_on")) conflict: VM '\(vm)' has no host it may run on",
                       at: second.path)
            }
        }
    }

    /// Whether some host satisfies two `must` VM-Host rules at once (hosts outside every group count
    /// as one extra anonymous host for `not_run_on` pairs).
    private func allowedHosts(_ first: Set<String>, _ firstRelation: RuleSpec.Relation?,
                              _ second: Set<String>, _ secondRelation: RuleSpec.Relation?) -> Bool {
        switch (firstRelation ?? .runOn, secondRelation ?? .runOn) {
        case (.runOn, .runOn): return !first.isDisjoint(with: second)
        case (.runOn, .notRunOn): return !first.subtracting(second).isEmpty
        case (.notRunOn, .runOn): return !second.subtracting(first).isEmpty
        case (.notRunOn, .notRunOn): return true
        }
    }
}
