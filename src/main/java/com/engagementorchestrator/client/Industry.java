package com.engagementorchestrator.client;

/** Industry codes of the intake. Which of them are risky is decided in the screening DMN, not here. */
public enum Industry {
    SEAFOOD("Seafood: catching, farming, processing or trading fish and seafood",
            "Морепродукты: добыча, разведение, переработка или торговля рыбой и морепродуктами"),
    AGRICULTURE("Agriculture", "Сельское хозяйство"),
    AUTOMOTIVE("Automotive", "Автомобили"),
    CONSTRUCTION("Construction", "Строительство"),
    CONSULTING("Consulting", "Консалтинг"),
    ECOMMERCE("E-commerce", "Электронная коммерция"),
    EDUCATION("Education", "Образование"),
    ENERGY("Energy", "Энергетика"),
    FINANCE("Finance and insurance", "Финансы и страхование"),
    FOOD_AND_BEVERAGE("Food and beverage", "Продукты питания и напитки"),
    GOVERNMENT("Government", "Государственный сектор"),
    HEALTHCARE("Healthcare", "Здравоохранение"),
    HOSPITALITY("Hospitality and tourism", "Гостиничный бизнес и туризм"),
    IT("Information technology", "Информационные технологии"),
    LEGAL("Legal services", "Юридические услуги"),
    LOGISTICS("Logistics and transport", "Логистика и транспорт"),
    MANUFACTURING("Manufacturing", "Производство"),
    MARKETING("Marketing and advertising", "Маркетинг и реклама"),
    MEDIA("Media and entertainment", "Медиа и развлечения"),
    NONPROFIT("Non-profit", "Некоммерческие организации"),
    REAL_ESTATE("Real estate", "Недвижимость"),
    RETAIL("Retail", "Розничная торговля"),
    OTHER("Other", "Другое");

    private final String nameEn;
    private final String nameRu;

    Industry(String nameEn, String nameRu) {
        this.nameEn = nameEn;
        this.nameRu = nameRu;
    }

    public String nameEn() {
        return nameEn;
    }

    public String nameRu() {
        return nameRu;
    }
}
