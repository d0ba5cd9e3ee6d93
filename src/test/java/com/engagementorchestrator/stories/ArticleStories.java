package com.engagementorchestrator.stories;

import static com.engagementorchestrator.stories.Story.Call.call;
import static com.engagementorchestrator.stories.Story.Verdict.ACCEPT;
import static com.engagementorchestrator.stories.Story.Verdict.DECLINE;
import static com.engagementorchestrator.stories.Story.Verdict.REVIEW;
import static com.engagementorchestrator.stories.Story.story;

import com.engagementorchestrator.stories.Story.ManualCheck;
import com.engagementorchestrator.stories.Story.Memory;
import com.engagementorchestrator.stories.Story.Registry;
import java.time.LocalDate;
import java.util.List;

/**
 * The client stories of the three seed articles (/work/shared/seeds, see DOMAIN.md), each with the sentence it comes
 * from. The expected outcomes are what the articles imply, not what the application does:
 * <ul>
 * <li>a clean client, or one the articles would happily work with, is accepted and never declined;</li>
 * <li>a signal the articles call decisive reaches at least a review (and so an intro call) on its own;</li>
 * <li>their worst cases (M2 refusal on a direct question, promises broken again and again, M5 lawsuits, bankruptcy,
 * liquidation or bad reviews, M8 with the partners split, M7 where the previous contractors did it right) are
 * declined by the rules, and so are several signals that add up;</li>
 * <li>the moderator decides as the article advises: walk away on F1..F3 shown in the call, on seafood, on a sinking
 * ship; go on where the doubt was cleared in the call.</li>
 * </ul>
 */
final class ArticleStories {

    static final String S000 = "000_6e014304f9ba761e.txt";
    static final String S001 = "001_8508d7db2c4a8e55.txt";
    static final String S002 = "002_52258503297fd819.txt";

    private ArticleStories() {
    }

    private static String inDays(int days) {
        return LocalDate.now().plusDays(days).toString();
    }

    /** A fresh 12-digit Kazakh business identification number (no registry checks it; a moderator does). */
    private static String kazakhBin() {
        return "2105" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static List<Story> all() {
        return List.of(
                // ---------------------------------------------------------------- clean and mildly imperfect: ACCEPT
                story("C01", "clean client, named everyone, clear goal", S002,
                        "В любом случае внимательно относитесь к клиентам, оценивайте их в самом начале переговоров, чтобы не тратить время зря.")
                        .call(call().agree("EMAIL", 7).notes("Named herself and the company, clear goal, budget fits")
                                .decide(ACCEPT))
                        .expect(ACCEPT, ACCEPT),
                story("C02", "differences of opinion early on, resolved in the call", S001,
                        "не всякий клиент с которым не удается сразу наладить общий язык не стоит того, чтобы отказывать ему в сотрудничестве.")
                        .intake("first contact by phone; redesign goal", b -> {
                            b.put("firstContactChannel", "PHONE_CALL");
                            b.put("projectDescription", "Redesign of our online shop; we have our own view of the design.");
                        })
                        .call(call().agree("PHONE", 7).notes("We disagreed on the design direction at first; after we "
                                + "showed the conversion data the client agreed to our layout and we to their colours").decide(ACCEPT))
                        .expect(ACCEPT, ACCEPT),
                story("C03", "early disagreement sets things straight", S001,
                        "Очень часто разногласия на ранней стадии помогают расставить все точки над “i”, а потом уже добиться желаемого результата.")
                        .intake("ru locale, clear goal", b -> {
                            b.put("locale", "ru");
                            b.put("fullName", "Игорь Павлов");
                            b.put("position", "Коммерческий директор");
                            b.put("projectDescription", "Сайт для дилерской сети с каталогом и личным кабинетом дилера.");
                            b.put("projectGoal", "Дилеры сами оформляют заказы через сайт");
                        })
                        .call(call().agree("VIDEO_CALL", 14).notes("Спорили о сроках этапов, договорились о двух этапах "
                                + "с приёмкой каждого").decide(ACCEPT))
                        .expect(ACCEPT, ACCEPT),
                story("C04", "client prefers long e-mails, we prefer calls", S002,
                        "Разные предпочтения в способах связи. Например, вы предпочитаете звонки и голосовые сообщения, а клиент – развернутые электронные письма.")
                        .call(call().agree("EMAIL", 7).notes("Prefers detailed e-mails to calls; agreed: e-mail for "
                                + "decisions, a short call every second week").decide(ACCEPT))
                        .expect(ACCEPT, ACCEPT),
                story("C05", "first contact and preferred channel: a messenger (text)", S002,
                        "Определить предпочтительные форматы контактов, при необходимости чередуя или совмещая их;")
                        .intake("first contact: messenger text", b -> b.put("firstContactChannel", "MESSENGER_TEXT"))
                        .call(call().agree("MESSENGER", 3).notes("Wrote to us in a messenger with a full introduction; "
                                + "keeps the messenger for quick questions, e-mail for approvals").decide(ACCEPT))
                        .expect(ACCEPT, ACCEPT),
                story("C06", "knowledge gap: the client is an expert in his field, not in ours", S002,
                        "Различия в уровне знаний. Клиент – специалист в своей сфере, вы – в своей.")
                        .intake("healthcare clinic, plain-language brief", b -> {
                            b.put("industry", "HEALTHCARE");
                            b.put("projectDescription", "We are doctors, not IT people: we need patients to book visits online.");
                            b.put("projectGoal", "Online booking of visits");
                        })
                        .call(call().agree("PHONE", 7).notes("Did not know the technical terms; listened to our "
                                + "advice and accepted the proposed booking widget").decide(ACCEPT))
                        .expect(ACCEPT, ACCEPT),
                story("C07", "different culture and age: a client from Kazakhstan paying in tenge", S001,
                        "Непонимание может быть основано на разнице культур, возрастов, профессионального опыта и чем выше ваш профессионализм, тем больше барьеров на пути успешного сотрудничества вы сможете преодолеть.")
                        .intake("KZ company, 2 500 000 KZT, no registry: manual check", b -> {
                            b.put("country", "KZ");
                            b.put("registrationNumber", kazakhBin());
                            b.put("locale", "ru");
                            b.put("fullName", "Ержан Сапаров");
                            b.put("position", "Основатель");
                            b.put("industry", "RETAIL");
                            b.put("budgetAmount", 2_500_000);
                            b.put("budgetCurrency", "KZT");
                            b.put("projectDescription", "Интернет-магазин товаров для дома с доставкой по Казахстану.");
                            b.put("projectGoal", "Продажи онлайн");
                        })
                        .registry(Registry.manualOnly(new ManualCheck("ACTIVE", 0, 0, "stat.gov.kz: active, no cases", false)))
                        .call(call().agree("VIDEO_CALL", 7).notes("Older founder, formal style; clear goal, decides "
                                + "himself").decide(ACCEPT))
                        .expect(ACCEPT, ACCEPT),
                story("C08", "a person in a hard life situation, but open to the dialogue", S002,
                        "Здесь важно определить, действительно человек в трудной ситуации или просто не настроен на продолжение диалога.")
                        .call(call().agree("EMAIL", 7).notes("Was tense and short-spoken: a family illness; answered "
                                + "every question, agreed the plan, asked for e-mail only").decide(ACCEPT))
                        .expect(ACCEPT, ACCEPT),
                story("C09", "agrees a clear schedule and weekly reports", S002,
                        "Установить четкий график взаимодействия;")
                        .intake("first contact: referral", b -> b.put("firstContactChannel", "REFERRAL"))
                        .call(call().agree("VIDEO_CALL", 7).notes("Weekly status call on Mondays, written report every "
                                + "7 days").decide(ACCEPT))
                        .expect(ACCEPT, ACCEPT),
                story("C10", "a previous contractor who did good work and closed down", S000,
                        "Поэтому, если Вы при знакомстве слышите от клиента, что все прежние исполнители плохие, то уточняйте, что пошло не так.")
                        .intake("1 previous contractor, spoken of well", b -> {
                            b.put("previousContractorsCount", 1);
                            b.put("previousContractorsExperience", "A good freelancer built our first site; she moved to "
                                    + "a full-time job, so we need someone new.");
                        })
                        .call(call().agree("EMAIL", 14).notes("Speaks well of the previous freelancer").decide(ACCEPT))
                        .expect(ACCEPT, ACCEPT),
                story("C11", "shares only gmail.com with a declined client: not remembered", S000,
                        "И даже когда я вежливо отказал, описав все возможные варианты решения задачи клиента без моего участия (хотя, вообще-то, такая консультация стоит денег), в течение следующих двух недель мне звонили разные сотрудники этого клиента и всячески уговаривали с ними поработать.")
                        .remembers(Memory.PUBLIC_DOMAIN_GMAIL)
                        .call(call().agree("EMAIL", 7).decide(ACCEPT))
                        .expect(ACCEPT, ACCEPT),
                story("C12", "shares only mail.ru with a declined client: not remembered", S000,
                        "И даже когда я вежливо отказал, описав все возможные варианты решения задачи клиента без моего участия (хотя, вообще-то, такая консультация стоит денег), в течение следующих двух недель мне звонили разные сотрудники этого клиента и всячески уговаривали с ними поработать.")
                        .remembers(Memory.PUBLIC_DOMAIN_MAIL_RU)
                        .call(call().agree("MESSENGER", 7).decide(ACCEPT))
                        .expect(ACCEPT, ACCEPT),

                // ---------------------------------------------------------------- M1 voice message
                story("M1a", "voice message from an unknown contact; the call clears it", S000,
                        "Голосовое сообщение от незнакомого контакта. Это первый признак того, что с бизнесом клиента, его компетентностью, адекватностью что-то не так.")
                        .intake("first contact: voice message", b -> b.put("firstContactChannel", "VOICE_MESSAGE"))
                        .markers("M1")
                        .call(call().agree("PHONE", 7).notes("Named himself and the company at once, clear goal, "
                                + "budget fits; simply prefers voice").decide(ACCEPT))
                        .expect(REVIEW, ACCEPT),
                story("M1b", "voice message; the caller (a collection agency) will not say who they are", S000,
                        "Например, ко мне таким образом обратилось коллекторское агентство.")
                        .intake("voice message, no position", b -> {
                            b.put("firstContactChannel", "VOICE_MESSAGE");
                            b.put("position", "");
                        })
                        .markers("M1", "M2")
                        .call(call().anonymity().notes("Asked who he is and for which company: 'what does it matter'")
                                .decide(DECLINE))
                        .expect(DECLINE, DECLINE),

                // ---------------------------------------------------------------- M2 does not name themselves
                story("M2a", "shy: gave no company name or position, named both when asked", S000,
                        "Допустим, клиент застеснялся, растерялся и не представился сразу.")
                        .intake("company name and position empty (INN given)", b -> {
                            b.put("companyName", "");
                            b.put("position", "");
                        })
                        .markers("M2")
                        .call(call().agree("EMAIL", 7).notes("Asked directly, named himself, his role and the "
                                + "company at once").decide(ACCEPT))
                        .expect(REVIEW, ACCEPT),
                story("M2b", "anonymous intake, refuses again on the direct question", S000,
                        "Но если на прямой вопрос \"как Вас зовут и из какой Вы компании\" он отвечает \"да какая разница, Вам это всё равно ничего не скажет\", то можно на этом диалог завершать.")
                        .intake("no company, no registration number, no position", b -> {
                            b.put("companyName", "");
                            b.put("registrationNumber", "");
                            b.put("position", "");
                            b.put("website", "");
                        })
                        .registry(Registry.manualOnly(new ManualCheck("NOT_FOUND", 0, 0,
                                "No company named: nothing to look up", false)))
                        .markers("M2")
                        .call(call().anonymity().notes("«Да какая разница, вам это всё равно ничего не скажет»")
                                .decide(DECLINE))
                        .expect(DECLINE, DECLINE),
                story("M2c", "refusal on the direct question, seen only in the call", S000,
                        "Но если на прямой вопрос \"как Вас зовут и из какой Вы компании\" он отвечает \"да какая разница, Вам это всё равно ничего не скажет\", то можно на этом диалог завершать.")
                        .markers("M2")
                        .call(call().anonymity().notes("Would not say who he is or whether he works for the company "
                                + "in the form").decide(DECLINE))
                        .expect(DECLINE, DECLINE),

                // ---------------------------------------------------------------- M3 promises and does not do
                story("M3a", "promised the brief before the call once and did not send it", S000,
                        "В моей платформе реализован контроль обратной связи и подобные нарушения пресекаются сразу.")
                        .markers("M3")
                        .call(call().brokenPromise("Promised to send the brief the day before the call; sent it "
                                + "after the call, apologised").agree("EMAIL", 7).decide(ACCEPT))
                        .expect(REVIEW, ACCEPT),
                story("M3b", "promises broken again and again before any contract", S000,
                        "Если подобное стабильно наблюдается до старта работ, то не надейтесь, что после заключения договора и получения предоплаты что-то изменится.")
                        .markers("M3")
                        .call(call().brokenPromisesRepeatedly("Brief 'tomorrow' three times, logo files, the "
                                + "access to hosting; none arrived, the call was moved twice").decide(DECLINE))
                        .expect(DECLINE, DECLINE),

                // ---------------------------------------------------------------- M4 seafood
                story("M4a", "seafood by industry code", S000,
                        "Если Вы фрилансер-одиночка, то советую обходить подобных клиентов стороной.")
                        .intake("industry SEAFOOD", b -> b.put("industry", "SEAFOOD"))
                        .markers("M4")
                        .call(call().notes("Trades frozen seafood; otherwise a normal call").decide(DECLINE))
                        .expect(REVIEW, DECLINE),
                story("M4b", "seafood from Russian text: «морепродукты»", S000,
                        "Я довольно много общался с разными клиентами, которые задействованы в добыче и продаже морепродуктов.")
                        .intake("industry FOOD_AND_BEVERAGE; «морепродукты» in the description", b -> {
                            b.put("industry", "FOOD_AND_BEVERAGE");
                            b.put("locale", "ru");
                            b.put("projectDescription", "Интернет-магазин: продаём морепродукты оптом и в розницу.");
                            b.put("projectGoal", "Больше заказов от ресторанов");
                        })
                        .markers("M4")
                        .call(call().notes("Оптовая торговля морепродуктами").decide(DECLINE))
                        .expect(REVIEW, DECLINE),
                story("M4c", "seafood from Russian text: «рыба»", S000,
                        "Если Вы фрилансер-одиночка, то советую обходить подобных клиентов стороной.")
                        .intake("industry RETAIL; «рыба» in the goal", b -> {
                            b.put("industry", "RETAIL");
                            b.put("locale", "ru");
                            b.put("projectDescription", "Каталог для сети магазинов у моря.");
                            b.put("projectGoal", "Главный товар — рыба холодного копчения, нужен каталог и доставка");
                        })
                        .markers("M4")
                        .call(call().notes("Сеть магазинов копчёной рыбы").decide(DECLINE))
                        .expect(REVIEW, DECLINE),
                story("M4d", "seafood from Russian text: «краб»", S000,
                        "Я довольно много общался с разными клиентами, которые задействованы в добыче и продаже морепродуктов.")
                        .intake("industry LOGISTICS; «краба» in the description", b -> {
                            b.put("industry", "LOGISTICS");
                            b.put("locale", "ru");
                            b.put("projectDescription", "Сайт для компании, которая добывает и поставляет живого краба в Китай.");
                        })
                        .markers("M4")
                        .call(call().notes("Добыча и экспорт краба").decide(DECLINE))
                        .expect(REVIEW, DECLINE),
                story("M4e", "seafood from English text", S000,
                        "Если Вы фрилансер-одиночка, то советую обходить подобных клиентов стороной.")
                        .intake("industry OTHER; 'fish and shrimp' in English", b -> {
                            b.put("industry", "OTHER");
                            b.put("projectDescription", "A B2B portal for our wholesale of frozen fish and shrimp.");
                            b.put("projectGoal", "Seafood buyers order online");
                        })
                        .markers("M4")
                        .call(call().notes("Wholesale frozen fish").decide(DECLINE))
                        .expect(REVIEW, DECLINE),
                story("M4f", "seafood from the company name only", S000,
                        "Я довольно много общался с разными клиентами, которые задействованы в добыче и продаже морепродуктов.")
                        .intake("company «КрабТрейд», industry MANUFACTURING, neutral text", b -> {
                            b.put("industry", "MANUFACTURING");
                            b.put("companyName", "ООО «КрабТрейд»");
                            b.put("projectDescription", "A corporate website with a product catalogue.");
                        })
                        .markers("M4")
                        .call(call().notes("Crab processing plant").decide(DECLINE))
                        .expect(REVIEW, DECLINE),

                // ---------------------------------------------------------------- M5 company information
                story("M5a", "many lawsuits over debts", S000,
                        "Если в отзывах Вы видите, что компания по-чёрному нарушает обязательства перед клиентами, что на нее подано множество исков о взыскании задолженности и тому подобное, то Вам рисковать не стоит.")
                        .registry(Registry.company("ACTIVE", 6, 0))
                        .markers("M5")
                        .call(call().decide(DECLINE))
                        .expect(DECLINE, DECLINE),
                story("M5b", "one old debt case, settled: not «множество исков»", S000,
                        "Я всегда проверяю не только отзывы о компании, но также информацию о судебных исках, задолженностях, банкротстве и пр.")
                        .registry(Registry.company("ACTIVE", 1, 0))
                        .markers("M5")
                        .call(call().agree("EMAIL", 7).notes("One supplier case from 2021, settled by agreement; "
                                + "reviews are good").decide(ACCEPT))
                        .expect(REVIEW, ACCEPT),
                story("M5c", "bankrupt company", S000,
                        "Я всегда проверяю не только отзывы о компании, но также информацию о судебных исках, задолженностях, банкротстве и пр.")
                        .registry(Registry.company("BANKRUPT", 0, 1))
                        .markers("M5")
                        .call(call().decide(DECLINE))
                        .expect(DECLINE, DECLINE),
                story("M5d", "company in liquidation", S000,
                        "Проверяйте информацию о компании.")
                        .registry(Registry.company("LIQUIDATING", 0, 0))
                        .markers("M5")
                        .call(call().decide(DECLINE))
                        .expect(DECLINE, DECLINE),
                story("M5e", "bad reviews found in the manual check (no registry covers the company)", S000,
                        "Если в отзывах Вы видите, что компания по-чёрному нарушает обязательства перед клиентами, что на нее подано множество исков о взыскании задолженности и тому подобное, то Вам рисковать не стоит.")
                        // A company no registry covers (Kazakhstan): the moderator checks by hand, reviews included.
                        .intake("KZ company, no registry: manual check", b -> {
                            b.put("country", "KZ");
                            b.put("registrationNumber", kazakhBin());
                        })
                        .registry(Registry.manualOnly(new ManualCheck("ACTIVE", 0, 0,
                                "Reviews: customers paid and got nothing, dozens of complaints", true)))
                        .markers("M5")
                        .call(call().badReviews().decide(DECLINE))
                        .expect(DECLINE, DECLINE),
                story("M5f", "bad reviews found by the moderator for the call", S000,
                        "Если в отзывах Вы видите, что компания по-чёрному нарушает обязательства перед клиентами, что на нее подано множество исков о взыскании задолженности и тому подобное, то Вам рисковать не стоит.")
                        .markers("M5")
                        .call(call().badReviews().notes("Review sites: many customers say the company does not "
                                + "deliver or pay").decide(DECLINE))
                        .expect(DECLINE, DECLINE),

                // ---------------------------------------------------------------- M7 previous contractors were fools
                story("M7a", "«все прежние исполнители дураки», and they did it right", S000,
                        "Если понимаете, что исполнители делали всё правильно, то отказывайтесь.")
                        .intake("3 previous contractors: «все были дураки»", b -> {
                            b.put("locale", "ru");
                            b.put("previousContractorsCount", 3);
                            b.put("previousContractorsExperience", "Все прежние подрядчики были дураки и ничего не умели.");
                        })
                        .markers("M7")
                        .call(call().blamesPrevious().previousContractorsWereRight().notes("Each told him the "
                                + "product price is the problem; he changed the contractor instead").decide(DECLINE))
                        .expect(DECLINE, DECLINE),
                story("M7b", "blames previous contractors; asked what went wrong, they really failed", S000,
                        "Поэтому, если Вы при знакомстве слышите от клиента, что все прежние исполнители плохие, то уточняйте, что пошло не так.")
                        .intake("2 previous contractors: 'incompetent'", b -> {
                            b.put("previousContractorsCount", 2);
                            b.put("previousContractorsExperience", "Both were incompetent: the first vanished with the "
                                    + "prepayment, the second never delivered.");
                        })
                        .markers("M7")
                        .call(call().blamesPrevious().agree("EMAIL", 7).notes("Showed the correspondence: the first "
                                + "vanished with the prepayment, the second missed every date; the client kept his side")
                                .decide(ACCEPT))
                        .expect(REVIEW, ACCEPT),
                story("M7c", "blames all previous contractors only in the call; they were right", S000,
                        "Результата нет, потому что все прежние исполнители дураки и ничего не умеют.")
                        .intake("2 previous contractors, neutral text", b -> {
                            b.put("previousContractorsCount", 2);
                            b.put("previousContractorsExperience", "It did not work out.");
                        })
                        .markers("M7")
                        .call(call().blamesPrevious().previousContractorsWereRight().notes("'All of them were fools'; "
                                + "both proposed to fix the offer first, which he refused").decide(DECLINE))
                        .expect(DECLINE, DECLINE),

                // ---------------------------------------------------------------- M8 sinking ship
                story("M8a", "«спасти бизнес»: a failing business looking for a saviour", S000,
                        "Для исполнителя, ввязавшегося в подобную историю всё может закончится, в лучшем случае, плохими рекомендациями и массой негативных эмоций, а в худшем — подорванным здоровьем.")
                        .intake("«последний шанс спасти бизнес»", b -> {
                            b.put("locale", "ru");
                            b.put("projectGoal", "Последний шанс спасти бизнес: продажи упали втрое");
                        })
                        .markers("M8")
                        .call(call().sinkingShip().notes("Продажи падают второй год, ищет того, кто всё спасёт")
                                .decide(DECLINE))
                        .expect(REVIEW, DECLINE),
                story("M8b", "'rescue our business', and the partners (ex-spouses) have split", S000,
                        "Самый гадкий вариант — когда клиент разошёлся со своими деловым партнёром. И ещё страшнее, если этот партнёр — бывши муж или жена.")
                        .intake("'rescue our business, last chance' (English)", b -> b.put("projectGoal",
                                "Rescue our business: this is our last chance"))
                        .markers("M8")
                        .call(call().sinkingShip().partnersSplit().notes("Co-owned with her ex-husband; they split, "
                                + "he took the clients").decide(DECLINE))
                        .expect(DECLINE, DECLINE),
                story("M8c", "sinking ship with partners split, seen only in the call", S000,
                        "В поисках решения они меняют исполнителей, надеясь найти Спасителя.")
                        .markers("M8")
                        .call(call().sinkingShip().partnersSplit().notes("The business partner left and took half "
                                + "the team; 'you are our saviour'").decide(DECLINE))
                        .expect(DECLINE, DECLINE),
                story("M8d", "sinking ship seen only in the call, no split", S000,
                        "В поисках решения они меняют исполнителей, надеясь найти Спасителя.")
                        .markers("M8")
                        .call(call().sinkingShip().notes("Shop losing money for a year; wants a miracle from the "
                                + "new website").decide(DECLINE))
                        .expect(REVIEW, DECLINE),

                // ---------------------------------------------------------------- F1..F3 in the call
                story("F1", "does not know what he wants, our opinion carries no weight", S001,
                        "Клиент, не знает либо не понимает чего он хочет, а ваше мнение не является для него авторитетным.")
                        .markers("F1")
                        .call(call().noClearGoal().notes("Changed the goal three times in the call, dismissed every "
                                + "suggestion").decide(DECLINE))
                        .expect(REVIEW, DECLINE),
                story("F2", "wants what we will not provide and will not compromise", S001,
                        "Особенно это случай опасен если клиент несговорчив и не идет на компромиссы.")
                        .markers("F2")
                        .call(call().wontCompromise().notes("Wants the full marketplace for the budget of a landing "
                                + "page, refuses phasing or a smaller scope").decide(DECLINE))
                        .expect(REVIEW, DECLINE),
                story("F3", "takes no decisions, yet takes an active part", S001,
                        "Клиент не принимает решения самостоятельно, не берет на себя ответственности за решения, но при этом активно принимает участие в проекте.")
                        .markers("F3")
                        .call(call().noDecisionsButActive().notes("Comments on every detail, but 'I cannot decide, "
                                + "that is for the owner' on each question").decide(DECLINE))
                        .expect(REVIEW, DECLINE),

                // ---------------------------------------------------------------- F2 budget and deadline from the intake
                story("F2-RUB", "budget 10 000 RUB, will not compromise", S001,
                        "Клиент четко понимает чего он хочет, но вы прекрасно знаете, что это не то, что вы готовы ему предоставить (в силу качества, сроков или бюджета).")
                        .intake("budget 10 000 RUB", b -> b.put("budgetAmount", 10_000))
                        .markers("F2")
                        .call(call().wontCompromise().notes("A full online shop for 10 000 RUB, no smaller scope")
                                .decide(DECLINE))
                        // Budget and unwillingness to compromise add up: «Особенно это случай опасен…».
                        .expect(DECLINE, DECLINE),
                story("F2-USD", "budget 200 USD; agrees to a smaller scope", S002,
                        "Главное, погасить эмоции и спокойно всё обсудить, попытаться найти компромисс, в конце концов вы партнеры, а не враги.")
                        .intake("budget 200 USD", b -> {
                            b.put("budgetAmount", 200);
                            b.put("budgetCurrency", "USD");
                        })
                        .markers("F2")
                        .call(call().agree("EMAIL", 7).notes("Agreed to a one-page site now and the catalogue later "
                                + "with a new budget").decide(ACCEPT))
                        .expect(REVIEW, ACCEPT),
                story("F2-EUR", "budget 150 EUR, will not compromise", S001,
                        "Особенно это случай опасен если клиент несговорчив и не идет на компромиссы.")
                        .intake("budget 150 EUR", b -> {
                            b.put("budgetAmount", 150);
                            b.put("budgetCurrency", "EUR");
                        })
                        .markers("F2")
                        .call(call().wontCompromise().notes("Insists on the whole scope for 150 EUR").decide(DECLINE))
                        .expect(DECLINE, DECLINE),
                story("F2-KZT", "budget 40 000 KZT; agrees to a smaller scope", S001,
                        "Клиент четко понимает чего он хочет, но вы прекрасно знаете, что это не то, что вы готовы ему предоставить (в силу качества, сроков или бюджета).")
                        .intake("budget 40 000 KZT", b -> {
                            b.put("budgetAmount", 40_000);
                            b.put("budgetCurrency", "KZT");
                        })
                        .markers("F2")
                        .call(call().agree("MESSENGER", 7).notes("Agreed to start with a landing page that fits the "
                                + "budget").decide(ACCEPT))
                        .expect(REVIEW, ACCEPT),
                story("F2-deadline", "deadline in 7 days; agrees to a phased launch", S002,
                        "Главное, погасить эмоции и спокойно всё обсудить, попытаться найти компромисс, в конце концов вы партнеры, а не враги.")
                        .intake("deadline in 7 days", b -> b.put("desiredDeadline", inDays(7)))
                        .markers("F2")
                        .call(call().agree("PHONE", 3).notes("A holding page in a week, the full site in two months")
                                .decide(ACCEPT))
                        .expect(REVIEW, ACCEPT),

                // ---------------------------------------------------------------- F3 needs approval from the intake
                story("F3-field", "decision making NEEDS_APPROVAL; in the call active but decides nothing", S001,
                        "Клиент не принимает решения самостоятельно, не берет на себя ответственности за решения, но при этом активно принимает участие в проекте.")
                        .intake("decisionMaking NEEDS_APPROVAL", b -> b.put("decisionMaking", "NEEDS_APPROVAL"))
                        .markers("F3")
                        .call(call().noDecisionsButActive().notes("Long lists of wishes, every answer 'the board will "
                                + "decide'").decide(DECLINE))
                        .expect(REVIEW, DECLINE),
                story("F3-wording-en", "'need approval from the director'; the director joins and decides", S002,
                        "выяснить причину (может, вы общаетесь с менеджером, который тоже ждет данные от другого отдела ил не так уж заинтересован в результате)")
                        .intake("'need approval from the director' in the text, field SELF", b -> b.put("projectDescription",
                                "A corporate website with a product catalogue. We need approval from the director for the design."))
                        .markers("F3")
                        .call(call().agree("EMAIL", 7).notes("The director joined the call, approved the plan and "
                                + "named the manager as the one who decides day to day").decide(ACCEPT))
                        .expect(REVIEW, ACCEPT),
                story("F3-wording-ru", "«нужно согласование с директором»; in the call decides nothing", S001,
                        "Клиент не принимает решения самостоятельно, не берет на себя ответственности за решения, но при этом активно принимает участие в проекте.")
                        .intake("«каждый шаг нужно согласовать с директором» in the text", b -> {
                            b.put("locale", "ru");
                            b.put("projectDescription", "Новый сайт компании. Каждый шаг нужно согласовать с директором.");
                        })
                        .markers("F3")
                        .call(call().noDecisionsButActive().notes("Активно правит всё, но ничего не решает сам")
                                .decide(DECLINE))
                        .expect(REVIEW, DECLINE),

                // ---------------------------------------------------------------- combinations that add up
                story("X1", "voice message + seafood + deadline in 5 days", S002,
                        "Конечно, лучше всего выявлять трудных клиентов ещё на этапе переговоров и мягко отказаться от сотрудничества.")
                        .intake("VOICE_MESSAGE, «морепродукты», deadline in 5 days", b -> {
                            b.put("firstContactChannel", "VOICE_MESSAGE");
                            b.put("projectDescription", "Срочно сайт для торговли морепродуктами.");
                            b.put("desiredDeadline", inDays(5));
                        })
                        .markers("M1", "M4", "F2")
                        .call(call().decide(DECLINE))
                        .expect(DECLINE, DECLINE),
                story("X2", "4 previous «дилетанты» + «спасти» + committee; blames and sinking in the call", S000,
                        "Вы не сможете помочь этому клиенту, каким бы экспертом Вы ни были.")
                        .intake("4 contractors «дилетанты», «спасти компанию», COMMITTEE", b -> {
                            b.put("locale", "ru");
                            b.put("previousContractorsCount", 4);
                            b.put("previousContractorsExperience", "Четыре агентства — все дилетанты.");
                            b.put("projectGoal", "Спасти компанию, пока не поздно");
                            b.put("decisionMaking", "COMMITTEE");
                        })
                        .markers("M7", "M8", "F3")
                        .call(call().blamesPrevious().sinkingShip().decide(DECLINE))
                        .expect(DECLINE, DECLINE),
                story("X3", "a broken promise + no clear goal + decides nothing, all in the call", S001,
                        "Но если вы сталкиваетесь с непреодолимой стеной, лучше отступить.")
                        .markers("M3", "F1", "F3")
                        .call(call().brokenPromise("The brief, promised for the call").noClearGoal().noDecisionsButActive()
                                .decide(DECLINE))
                        .expect(DECLINE, DECLINE),

                // ---------------------------------------------------------------- memory of earlier declines
                story("MEM-company", "a company declined before; then a colleague of it registers", S000,
                        "И даже когда я вежливо отказал, описав все возможные варианты решения задачи клиента без моего участия (хотя, вообще-то, такая консультация стоит денег), в течение следующих двух недель мне звонили разные сотрудники этого клиента и всячески уговаривали с ними поработать.")
                        .remembers(Memory.SAME_COMPANY)
                        .call(call().notes("A colleague of the client we declined; asks us to reconsider").decide(DECLINE))
                        .expect(REVIEW, DECLINE),
                story("MEM-blocked", "a company's contact was blocked for empty promises; then a colleague registers", S000,
                        "Если подобное стабильно наблюдается до старта работ, то не надейтесь, что после заключения договора и получения предоплаты что-то изменится.")
                        .remembers(Memory.SAME_COMPANY_BLOCKED)
                        .markers("M3")
                        .call(call().notes("Colleague of the contact we blocked for two months of unkept promises")
                                .decide(DECLINE))
                        .expect(REVIEW, DECLINE),
                story("MEM-phone", "same phone as a declined client, another company", S000,
                        "И даже когда я вежливо отказал, описав все возможные варианты решения задачи клиента без моего участия (хотя, вообще-то, такая консультация стоит денег), в течение следующих двух недель мне звонили разные сотрудники этого клиента и всячески уговаривали с ними поработать.")
                        .remembers(Memory.SAME_PHONE)
                        .call(call().notes("The same number as the declined client").decide(DECLINE))
                        .expect(REVIEW, DECLINE),
                story("MEM-domain", "same corporate e-mail domain as a declined client, another company", S000,
                        "И даже когда я вежливо отказал, описав все возможные варианты решения задачи клиента без моего участия (хотя, вообще-то, такая консультация стоит денег), в течение следующих двух недель мне звонили разные сотрудники этого клиента и всячески уговаривали с ними поработать.")
                        .remembers(Memory.SAME_EMAIL_DOMAIN)
                        .call(call().notes("Writes from the declined client's domain").decide(DECLINE))
                        .expect(REVIEW, DECLINE));
    }
}
