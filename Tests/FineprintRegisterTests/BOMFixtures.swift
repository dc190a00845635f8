import Foundation

/// CycloneDX documents written for the tests.
enum BOMFixtures {
    /// A 1.6 BOM of a small system: a model with a model card, a dataset, a nested GPU under a server,
    /// a hosted inference service with a provider, a KMS, and the graph between them.
    static func system(
        modelVersion: String = "3.1",
        description: String = "Case triage",
        withDataset: Bool = true
    ) -> String {
        let dataset = """
            {"type":"data","bom-ref":"data-cases","name":"Case files","supplier":{"name":"Ministry Data Office"}},
            """
        return """
            {"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:6b1f0a52-3c1e-4d7a-9a57-0c2f3e8d4b11",
             "version":1,
             "metadata":{"component":{"type":"application","bom-ref":"sys","name":"Benefits Triage"}},
             "components":[
               {"type":"machine-learning-model","bom-ref":"model","name":"triage-llm","version":"\(modelVersion)",
                "description":"\(description)",
                "supplier":{"name":"Example Model Co","address":{"country":"fr"}},"modelCard":{"considerations":{}}},
               \(withDataset ? dataset : "")
               {"type":"device","bom-ref":"server","name":"Rack server","manufacturer":{"name":"Iron Works"},
                "components":[{"type":"device","bom-ref":"gpu","name":"H100 GPU accelerator",
                  "purl":"pkg:generic/acme/h100@1","supplier":{"name":"Acme Chips","address":{"country":"US"}}}]}
             ],
             "services":[
               {"bom-ref":"svc","name":"Hosted inference API","provider":{"name":"Example Cloud GmbH","address":{"country":"DE"}}},
               {"bom-ref":"kms","name":"Key management service","provider":{"name":"Example Cloud GmbH"}}
             ],
             "dependencies":[
               {"ref":"sys","dependsOn":["svc","model"\(withDataset ? ",\"data-cases\"" : "")]},
               {"ref":"svc","dependsOn":["model","kms","server"]},
               {"ref":"server","dependsOn":["gpu"]},
               {"ref":"model","dependsOn":[]},
               {"ref":"unknown-ref","dependsOn":["model"]}
             ]}
            """
    }

    static func nested(depth: Int) -> String {
        var inner = #"{"type":"library","name":"leaf"}"#
        for level in 0..<depth { inner = #"{"type":"library","name":"n\#(level)","components":[\#(inner)]}"# }
        return #"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[\#(inner)]}"#
    }

    /// A generated BOM of `count` libraries in a chain of shallow dependencies, for the speed check.
    static func generated(count: Int) -> String {
        let suppliers = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
        let parts = (0..<count).map { i in
            #"{"type":"library","bom-ref":"c\#(i)","name":"part-\#(i)","version":"1.\#(i % 7)","purl":"pkg:generic/gen/part-\#(i)@1.\#(i % 7)","supplier":{"name":"\#(suppliers[i % 5]) Ltd","address":{"country":"DE"}}}"#
        }
        let deps = (0..<count).map { i in
            i + 1 < count ? #"{"ref":"c\#(i)","dependsOn":["c\#(i + 1)"]}"# : #"{"ref":"c\#(i)","dependsOn":[]}"#
        }
        return
            #"{"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{"component":{"type":"application","bom-ref":"root","name":"Generated"}},"components":["#
            + parts.joined(separator: ",") + #"],"dependencies":["# + deps.joined(separator: ",") + "]}"
    }
}
