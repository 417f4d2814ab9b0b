package cases.blind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Real MyBatis transaction leaks reproduced from a public repository, with the versions before and
 * after the commit that touched them.
 *
 * Source: z0gSh1u/VCampus, src/tech/zxuuu/server/library/BookServer.java. The "before" methods are the
 * version at commit aec7ced31278bce7adc661728f41b8dd843b128f; the "after" methods are the version of
 * PR #36 "fix bugs, close sqlsessions, use c3p0." (it closes the session before the early return of
 * addBook, but drops the rollback from searchSimilarBook and adds an early return to borrowBook).
 *
 * Readings used for the labels (from the contract):
 * - SqlSessionFactory.openSession() with no auto-commit argument acquires the session and begins;
 *   commit(), rollback() and close() are ends;
 * - catch (Exception e) catches the unknown unchecked exceptions of the mapper calls; an exception
 *   swallowed there leaves the method through the following return.
 */
public class BlindR4RealMyBatisCases {

    static final class App {
        static SqlSessionFactory sqlSessionFactory;
    }

    static class Book {
        private String isbn;
        private String title;
        private String author;
        private String category;
        private String details;
        private String pictureURL;

        void setISBN(String isbn) {
            this.isbn = isbn;
        }

        void setTitle(String title) {
            this.title = title;
        }

        void setAuthor(String author) {
            this.author = author;
        }

        void setCategory(String category) {
            this.category = category;
        }

        void setDetails(String details) {
            this.details = details;
        }

        void setPictureURL(String pictureURL) {
            this.pictureURL = pictureURL;
        }
    }

    interface IBookMapper {
        int searchHowManyByISBN(String ISBN);

        void addBook(Book book);

        List<Book> searchSimilarBook(Book book);

        String searchTitleByISBN(String ISBN);

        int searchChargableByISBN(String ISBN);

        String getBorrowerByISBN(String ISBN);

        void changeChargableByISBN(String ISBN);

        void changeNumberByTitle(String title);

        void changeBorrowerByISBN(Map<String, String> map);
    }

    // ------------------------------------------------------------------------------------------
    // addBook: before -- the "already exists" early return leaves the session's transaction open
    // (and the pooled connection with it); after PR #36 -- the session is closed before that return.
    // ------------------------------------------------------------------------------------------
    public static Boolean addBookLeaks(String ISBN, String title, String author, String category, String details,
            String pictureURL) {

        SqlSession sqlSession = null;
        try {
            sqlSession = App.sqlSessionFactory.openSession();
            IBookMapper bookMapper = sqlSession.getMapper(IBookMapper.class);
            int number = bookMapper.searchHowManyByISBN(ISBN);

            System.out.println("num=" + number);

            if (number == 1) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return false;

            } else {
                Book book2 = new Book();
                book2.setISBN(ISBN);
                book2.setTitle(title);
                book2.setAuthor(author);
                book2.setCategory(category);
                book2.setDetails(details);
                book2.setPictureURL(pictureURL);
                bookMapper.addBook(book2);
                sqlSession.commit();
                return true;
            }
        } catch (Exception e) {
            sqlSession.rollback();
            e.printStackTrace();
        }
        return false;
    }

    public static Boolean addBookIsClean(String ISBN, String title, String author, String category, String details,
            String pictureURL) {
        SqlSession sqlSession = null;
        try {
            sqlSession = App.sqlSessionFactory.openSession();
            IBookMapper bookMapper = sqlSession.getMapper(IBookMapper.class);
            int number = bookMapper.searchHowManyByISBN(ISBN);
            if (number == 1) {
                sqlSession.close();
                return false;
            } else {
                Book book2 = new Book();
                book2.setISBN(ISBN);
                book2.setTitle(title);
                book2.setAuthor(author);
                book2.setCategory(category);
                book2.setDetails(details);
                book2.setPictureURL(pictureURL);
                bookMapper.addBook(book2);
                sqlSession.commit();
                sqlSession.close();
                return true;
            }
        } catch (Exception e) {
            sqlSession.rollback();
            e.printStackTrace();
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------
    // searchSimilarBook: a regression. Before PR #36 the catch rolled back (clean); PR #36 added the
    // close after the commit but removed the rollback from the catch, so a failing mapper call is
    // swallowed and the method returns with the transaction open.
    // ------------------------------------------------------------------------------------------
    public static List<Book> searchSimilarBookIsClean(String title, String category) {
        List<Book> list = new ArrayList<>();
        SqlSession sqlSession = null;
        try {
            sqlSession = App.sqlSessionFactory.openSession();

            IBookMapper bookMapper = sqlSession.getMapper(IBookMapper.class);
            Book book = new Book();
            book.setTitle(title);
            book.setCategory(category);
            list = bookMapper.searchSimilarBook(book);
            sqlSession.commit();
            System.out.println(list);
        } catch (Exception e) {
            sqlSession.rollback();
            e.printStackTrace();
        }
        return list;
    }

    public static List<Book> searchSimilarBookLeaks(String title, String category) {
        List<Book> list = new ArrayList<>();
        SqlSession sqlSession = null;
        try {
            sqlSession = App.sqlSessionFactory.openSession();
            IBookMapper bookMapper = sqlSession.getMapper(IBookMapper.class);
            Book book = new Book();
            book.setTitle(title);
            book.setCategory(category);
            list = bookMapper.searchSimilarBook(book);
            sqlSession.commit();
            sqlSession.close();
        } catch (Exception e) {
            e.printStackTrace();
        }
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return list;
    }

    // ------------------------------------------------------------------------------------------
    // borrowBook: another regression. The earlier version (commit aec7ced) always reached the commit;
    // the PR #36 version adds a "not the current borrower" early return between the begin and the commit.
    // ------------------------------------------------------------------------------------------
    public static int borrowBookIsClean(String ISBN) {
        int result = 0;
        SqlSession sqlSession = null;
        try {
            sqlSession = App.sqlSessionFactory.openSession();
            IBookMapper bookMapper = sqlSession.getMapper(IBookMapper.class);
            String TITLE = bookMapper.searchTitleByISBN(ISBN);
            System.out.println(TITLE);
            if (TITLE != null) {
                int chargable = bookMapper.searchChargableByISBN(ISBN);
                result = 1;
                System.out.println(chargable);
                if (chargable == 1) {
                    bookMapper.changeChargableByISBN(ISBN);
                    String title = bookMapper.searchTitleByISBN(ISBN);
                    bookMapper.changeNumberByTitle(title);
                    result = 2;
                }
            }
            sqlSession.commit();
        } catch (Exception e) {
            sqlSession.rollback();
            e.printStackTrace();
        }
        return result;
    }

    public static int borrowBookLeaks(String borrower, String ISBN) {
        int result = 0;
        SqlSession sqlSession = null;
        try {
            sqlSession = App.sqlSessionFactory.openSession();
            IBookMapper bookMapper = sqlSession.getMapper(IBookMapper.class);
            String TITLE = bookMapper.searchTitleByISBN(ISBN);
            if (TITLE != null) {
                int chargable = bookMapper.searchChargableByISBN(ISBN);
                result = 1;
                if (chargable == 1) {
                    String nowborrower = bookMapper.getBorrowerByISBN(ISBN);
                    if (nowborrower == null || !nowborrower.equals(borrower)) {
                        // BUG: Diagnostic contains: [UncommittedTransaction]
                        return 1;
                    }
                    bookMapper.changeChargableByISBN(ISBN);
                    String title = bookMapper.searchTitleByISBN(ISBN);
                    bookMapper.changeNumberByTitle(title);
                    Map<String, String> map = new HashMap<String, String>();
                    map.put("borrower", borrower);
                    map.put("ISBN", ISBN);
                    bookMapper.changeBorrowerByISBN(map);
                    result = 2;
                }
            }
            sqlSession.commit();
            sqlSession.close();
        } catch (Exception e) {
            sqlSession.rollback();
            e.printStackTrace();
        }
        return result;
    }
}
