package com.engagementorchestrator.screening;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
class ScreeningMarker {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String markerId;
    private String signal;
    private int weight;
    private String reason;

    protected ScreeningMarker() {
    }

    ScreeningMarker(Marker marker) {
        this.markerId = marker.id();
        this.signal = marker.signal();
        this.weight = marker.weight();
        this.reason = marker.reason();
    }

    Marker toMarker() {
        return new Marker(markerId, signal, weight, reason);
    }
}
