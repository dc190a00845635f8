import Dispatch
import FineprintCore
import Foundation

/// The first stages of the model: for sentences and for whole documents, one classifier per fold (trained on
/// the other folds, for held-out logits) and a final one on every document.
struct FirstStages {
    /// A hidden layer with the rows it keeps, quantised as the file stores it.
    typealias CompressedLayer = (HiddenLayerTrainer.Hidden, rows: [Int], bytes: [Int8], steps: [Float])

    /// Sentence classifiers in slots 0…folds, document classifiers in jobs…jobs+folds.
    let results: ResultSlots<SegmentTrainer.Weights>
    /// With a hidden layer, the sentence jobs' layers (their linear parts are in `results`).
    let layers: ResultSlots<CompressedLayer>
    let segments: [SegmentTrainer.Examples]
    let documents: SegmentTrainer.Examples
    let settings: ModelTrainer.Settings

    var jobs: Int { settings.folds + 1 }
    var final: SegmentTrainer.Weights { results.get(settings.folds) }
    var finalDocument: SegmentTrainer.Weights { results.get(jobs + settings.folds) }

    /// Trains the k fold models and the final one, for sentences and for documents, two at a time on two cores.
    static func train(
        segments: [SegmentTrainer.Examples],
        documents: SegmentTrainer.Examples,
        categories: Int,
        features: Int,
        settings: ModelTrainer.Settings
    ) -> FirstStages {
        let jobs = settings.folds + 1
        let stages = FirstStages(
            results: ResultSlots(count: 2 * jobs),
            layers: ResultSlots(count: jobs),
            segments: segments,
            documents: documents,
            settings: settings
        )
        DispatchQueue.concurrentPerform(iterations: 2 * jobs) { job in
            // Document jobs first: they are the quicker ones and would otherwise wait for a core at the end.
            if job < jobs {
                stages.trainDocumentJob(fold: job, categories: categories, features: features)
            } else {
                stages.trainSentenceJob(fold: job % jobs, categories: categories, features: features)
            }
        }
        return stages
    }

    private func trainDocumentJob(fold: Int, categories: Int, features: Int) {
        var data = SegmentTrainer.Examples()
        for d in 0..<documents.count where fold == settings.folds || d % settings.folds != fold {
            data.append(
                Array(documents.features[documents.range(d)]),
                labels: documents.labels[d],
                scale: documents.scale[d]
            )
        }
        let documentSettings = SegmentTrainer.Settings(epochs: settings.documentEpochs, seed: settings.seed)
        var w = SegmentTrainer.train(data, categories: categories, features: features, settings: documentSettings)
        w.prune(minimum: settings.minimumWeight, keep: settings.documentWeightsPerProvision)
        results.set(jobs + fold, w)
    }

    private func trainSentenceJob(fold: Int, categories: Int, features: Int) {
        var data = SegmentTrainer.Examples()
        for (d, ex) in segments.enumerated() where fold == settings.folds || d % settings.folds != fold {
            for e in 0..<ex.count {
                data.append(Array(ex.features[ex.range(e)]), labels: ex.labels[e], scale: ex.scale[e])
            }
        }
        guard settings.hiddenUnits > 0 else {
            let trainerSettings = SegmentTrainer.Settings(epochs: settings.epochs, seed: settings.seed)
            var w = SegmentTrainer.train(data, categories: categories, features: features, settings: trainerSettings)
            w.prune(minimum: settings.minimumWeight, keep: settings.weightsPerProvision)
            results.set(fold, w)
            return
        }
        var hiddenSettings = HiddenLayerTrainer.Settings()
        hiddenSettings.units = settings.hiddenUnits
        hiddenSettings.epochs = settings.epochs
        hiddenSettings.seed = settings.seed
        var m = HiddenLayerTrainer.trainAveraged(
            data,
            categories: categories,
            features: features,
            settings: hiddenSettings,
            members: settings.hiddenMembers
        )
        m.linear.prune(minimum: settings.minimumWeight, keep: settings.weightsPerProvision)
        let (rows, bytes, steps) = m.hidden.compress(keep: settings.hiddenRows)
        results.set(fold, m.linear)
        layers.set(fold, (m.hidden, rows, bytes, steps))
    }

    /// Held-out document logits: `[doc][category]`.
    func heldOutDocumentLogits() -> [[Float]] {
        (0..<documents.count).map { d in
            results.get(jobs + d % settings.folds).logits(
                documents.features[documents.range(d)],
                scale: documents.scale[d]
            )
        }
    }

    /// Held-out sentence logits: `[doc][category][segment]`.
    func heldOutSegmentLogits(_ perDocument: [SegmentTrainer.Examples]) -> [[[Float]]] {
        var heldOut: [[[Float]]] = []
        let categories = results.get(0).categories
        for (d, ex) in perDocument.enumerated() {
            let w = results.get(d % settings.folds)
            let layer = settings.hiddenUnits > 0 ? layers.get(d % settings.folds).0 : nil
            var perCategory = [[Float]](repeating: [Float](repeating: 0, count: ex.count), count: categories)
            for e in 0..<ex.count {
                var z = w.logits(ex.features[ex.range(e)], scale: ex.scale[e])
                layer?.add(ex.features[ex.range(e)], scale: ex.scale[e], to: &z)
                for c in 0..<categories { perCategory[c][e] = z[c] }
            }
            heldOut.append(perCategory)
        }
        return heldOut
    }
}
